package dev.ser.training.cli;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Prediction;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.inference.InputWindow;
import dev.ser.inference.ModelFrames;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * {@code ./ser bench inference}: the bundled model on a 5 s speech clip. Inference alone (the
 * session call on the clip's three windows, features already made), the whole recogniser (features
 * plus inference), batch throughput, and 8 threads sharing one model checked against the sequential
 * result.
 */
final class InferenceBench {
  private static final double WARM_UP_SECONDS = 2.0;
  private static final double MEASURE_SECONDS = 4.0;
  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 25;
  private static final int BATCH_WINDOWS = 64;

  private InferenceBench() {}

  static void run(Path golden, PrintStream out) throws Exception {
    Path speech = golden.resolve("speech_16k.wav");
    if (!Files.isRegularFile(speech)) {
      throw new Main.UsageException(speech + " not found");
    }
    FeatureSpec spec = FeatureSpec.modelDefault();
    DecodedAudio decoded = new AudioDecoder().decode(speech);
    float[] fiveSeconds = Arrays.copyOf(decoded.samples(), 5 * spec.sampleRate());
    DecodedAudio clip =
        new DecodedAudio(fiveSeconds, spec.sampleRate(), "wav", spec.sampleRate(), 1, 5.0);
    FeatureExtractor extractor = new FeatureExtractor(spec);
    try (EmotionModel model = EmotionModel.bundled(spec)) {
      EmotionRecognizer recognizer = new EmotionRecognizer(model, extractor);
      List<InputWindow> windows = ModelFrames.of(extractor.extract(fiveSeconds)).windows();
      out.printf(
          Locale.ROOT,
          "inference: model %s, %s (5.00 s, %d windows of 3 s), %d cores%n%n",
          model.version(),
          speech.getFileName(),
          windows.size(),
          Runtime.getRuntime().availableProcessors());
      out.printf(Locale.ROOT, "%-40s %9s %9s %9s%n", "case", "p50", "p10", "p90");
      print(out, "inference alone, one 5 s clip", time(() -> model.probabilities(windows)));
      print(
          out,
          "inference alone, one 3 s window",
          time(() -> model.probabilities(windows.subList(0, 1))));
      print(out, "features + inference (recognize)", time(() -> recognizer.recognize(clip)));

      List<InputWindow> batch = new ArrayList<>();
      while (batch.size() < BATCH_WINDOWS) {
        batch.addAll(windows);
      }
      List<InputWindow> full = batch.subList(0, BATCH_WINDOWS);
      long[] batchTimes = time(() -> model.probabilities(full));
      double batchMs = batchTimes[batchTimes.length / 2] / 1e6;
      out.printf(
          Locale.ROOT,
          "%nbatch of %d windows: p50 %.1f ms = %.0f windows/s = %.0f five-second clips/s%n",
          BATCH_WINDOWS,
          batchMs,
          BATCH_WINDOWS / (batchMs / 1000),
          BATCH_WINDOWS / (batchMs / 1000) / windows.size());

      Prediction sequential = recognizer.recognize(clip);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<Boolean>> same = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
          same.add(
              pool.submit(
                  () -> {
                    boolean equal = true;
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                      equal &= recognizer.recognize(clip).equals(sequential);
                    }
                    return equal;
                  }));
        }
        boolean allEqual = true;
        for (Future<Boolean> future : same) {
          allEqual &= future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
            Locale.ROOT,
            "%d threads x %d recognitions on one shared model: %.0f clips/s, results %s%n",
            THREADS,
            CALLS_PER_THREAD,
            THREADS * CALLS_PER_THREAD / seconds,
            allEqual ? "identical to the sequential one" : "DIFFERENT from the sequential one");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static void print(PrintStream out, String name, long[] nanos) {
    out.printf(
        Locale.ROOT,
        "%-40s %6.2f ms %6.2f ms %6.2f ms%n",
        name,
        nanos[nanos.length / 2] / 1e6,
        nanos[nanos.length / 10] / 1e6,
        nanos[nanos.length * 9 / 10] / 1e6);
  }

  private static volatile Object sink;

  private static long[] time(Supplier<?> work) {
    long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
    while (System.nanoTime() < warmUpEnd) {
      sink = work.get();
    }
    List<Long> times = new ArrayList<>();
    long measureEnd = System.nanoTime() + (long) (MEASURE_SECONDS * 1e9);
    while (System.nanoTime() < measureEnd || times.size() < 5) {
      long start = System.nanoTime();
      sink = work.get();
      times.add(System.nanoTime() - start);
    }
    Collections.sort(times);
    return times.stream().mapToLong(Long::longValue).toArray();
  }
}
