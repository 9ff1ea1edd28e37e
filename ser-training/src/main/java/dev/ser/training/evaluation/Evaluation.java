package dev.ser.training.evaluation;

import dev.ser.domain.emotion.Emotion;
import dev.ser.training.corpus.Clip;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a classifier over labelled clips on a small thread pool. A clip the classifier fails on is
 * {@link Skipped} with the failure's message, never fatal: one corrupt file does not cost the
 * evaluation of a thousand.
 */
public final class Evaluation {

  /** Predicts the emotion of one audio file; must be safe to call from several threads. */
  @FunctionalInterface
  public interface Classifier {
    Emotion classify(Path audio) throws Exception;
  }

  private Evaluation() {}

  /**
   * Classifies every clip, keeping the clips' order in the result.
   *
   * @param threads worker threads, at least 1
   * @param progress told the number of clips done after each one, from the worker threads
   */
  public static EvaluationResult run(
      List<Clip> clips, Classifier classifier, int threads, IntConsumer progress)
      throws InterruptedException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, Evaluation::daemon);
    try {
      AtomicInteger done = new AtomicInteger();
      List<Future<Emotion>> predictions = new ArrayList<>(clips.size());
      for (Clip clip : clips) {
        predictions.add(
            pool.submit(
                () -> {
                  try {
                    return classifier.classify(clip.audio());
                  } finally {
                    progress.accept(done.incrementAndGet());
                  }
                }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      List<Skipped> skipped = new ArrayList<>();
      for (int i = 0; i < clips.size(); i++) {
        Clip clip = clips.get(i);
        try {
          Emotion predicted = predictions.get(i).get();
          if (predicted == null) {
            skipped.add(new Skipped(clip.audio(), "no prediction"));
          } else {
            outcomes.add(new Outcome(clip, predicted));
          }
        } catch (ExecutionException e) {
          skipped.add(new Skipped(clip.audio(), reason(e.getCause())));
        }
      }
      return new EvaluationResult(outcomes, skipped);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String reason(Throwable failure) {
    if (failure instanceof UncheckedIOException unchecked) {
      failure = unchecked.getCause();
    }
    if (failure instanceof NoSuchFileException) {
      return "file not found";
    }
    if (failure instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = failure.getMessage();
    return message == null || message.isBlank()
        ? failure.getClass().getSimpleName()
        : message.replace('\n', ' ');
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "evaluation");
    thread.setDaemon(true);
    return thread;
  }
}
