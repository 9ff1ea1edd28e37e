package dev.ser.training.speech;

import dev.ser.audio.AudioException;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodeLimits;
import dev.ser.audio.speech.SpeechDetector;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.training.cli.Main;
import dev.ser.training.corpus.Clip;
import dev.ser.training.corpus.Corpora;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./ser speech [SPEC...] [--generated N] [--seed S] [--min-speech SEC] [--threads T]}: how
 * often the speech detector gets it wrong, both ways. Every clip of the corpora given is real
 * speech, so each one with less than the minimum of speech is a false rejection; every generated
 * clip ({@link NonSpeech}) is not speech, so each one with the minimum is a false acceptance.
 * Prints one row per corpus and per kind of generated sound, and the refused files.
 */
public final class SpeechCommand implements Main.Command {
  private static final String USAGE =
      "usage: ./ser speech [SPEC...] [--generated N] [--seed S] [--min-speech SEC] [--threads T]";

  @Override
  public String summary() {
    return "[SPEC...] [--generated N]: speech detection's false rejections on corpora and false"
        + " acceptances on generated non-speech";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    List<String> specs = new ArrayList<>();
    int generated = 0;
    long seed = 1;
    double minSpeech = EmotionRecognizer.MIN_SPEECH_SECONDS;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--generated" -> generated = (int) number(args, i++, 0, 1_000_000);
        case "--seed" -> seed = (long) number(args, i++, Long.MIN_VALUE, Long.MAX_VALUE);
        case "--min-speech" -> minSpeech = number(args, i++, 0, 60);
        case "--threads" -> threads = (int) number(args, i++, 1, 64);
        default -> {
          if (args[i].startsWith("--")) {
            throw new Main.UsageException("unknown option " + args[i] + "; " + USAGE);
          }
          specs.add(args[i]);
        }
      }
    }
    if (specs.isEmpty() && generated == 0) {
      throw new Main.UsageException(USAGE);
    }
    SpeechDetector detector = new SpeechDetector();
    AudioDecoder decoder = new AudioDecoder(new DecodeLimits(0, 3600, 60));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long started = System.nanoTime();
      out.printf(Locale.ROOT, "minimum speech %.2f s%n", minSpeech);
      if (!specs.isEmpty()) {
        List<Clip> clips = Corpora.readAll(specs);
        List<Future<Double>> speech = new ArrayList<>();
        for (Clip clip : clips) {
          speech.add(
              pool.submit(
                  () -> {
                    var audio = decoder.decode(clip.audio());
                    return detector.detect(audio.samples(), audio.sampleRate()).speechSeconds();
                  }));
        }
        Map<String, int[]> byCorpus = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
          Clip clip = clips.get(i);
          int[] counts = byCorpus.computeIfAbsent(clip.corpus(), c -> new int[3]);
          counts[0]++;
          try {
            double seconds = speech.get(i).get();
            if (seconds < minSpeech) {
              counts[1]++;
              refused.add(
                  String.format(Locale.ROOT, "  %s: %.2f s of speech", clip.audio(), seconds));
            }
          } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof AudioException)) {
              throw e;
            }
            counts[2]++;
          }
        }
        out.println("corpus (real speech)     clips  refused  unreadable  false rejection");
        int[] total = new int[3];
        byCorpus.forEach(
            (corpus, counts) -> {
              out.println(row(corpus, counts));
              for (int k = 0; k < 3; k++) {
                total[k] += counts[k];
              }
            });
        out.println(row("all", total));
        if (!refused.isEmpty()) {
          out.println("refused:");
          refused.forEach(out::println);
        }
      }
      if (generated > 0) {
        List<NonSpeech.Clip> clips = new NonSpeech(seed).clips(generated);
        List<Future<Double>> speech = new ArrayList<>();
        for (NonSpeech.Clip clip : clips) {
          speech.add(
              pool.submit(
                  () -> detector.detect(clip.samples(), NonSpeech.SAMPLE_RATE).speechSeconds()));
        }
        Map<NonSpeech.Kind, int[]> byKind = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
          NonSpeech.Clip clip = clips.get(i);
          int[] counts = byKind.computeIfAbsent(clip.kind(), k -> new int[3]);
          counts[0]++;
          double seconds = speech.get(i).get();
          if (seconds >= minSpeech) {
            counts[1]++;
            accepted.add(
                String.format(
                    Locale.ROOT,
                    "  %s, %.1f s: %.2f s of speech",
                    clip.description(),
                    clip.seconds(),
                    seconds));
          }
        }
        out.printf(
            Locale.ROOT,
            "generated non-speech (seed %d)  clips  accepted  false acceptance%n",
            seed);
        int[] total = new int[3];
        byKind.forEach(
            (kind, counts) -> {
              out.println(acceptance(kind.name().toLowerCase(Locale.ROOT), counts));
              total[0] += counts[0];
              total[1] += counts[1];
            });
        out.println(acceptance("all", total));
        if (!accepted.isEmpty()) {
          out.println("accepted:");
          accepted.forEach(out::println);
        }
      }
      out.printf(
          Locale.ROOT, "%.1f s on %d threads%n", (System.nanoTime() - started) / 1e9, threads);
    } finally {
      pool.shutdownNow();
    }
    return 0;
  }

  private static String row(String name, int[] counts) {
    int read = counts[0] - counts[2];
    return String.format(
        Locale.ROOT,
        "%-22s %7d %8d %11d %15.2f %%",
        name,
        counts[0],
        counts[1],
        counts[2],
        read == 0 ? 0 : 100.0 * counts[1] / read);
  }

  private static String acceptance(String name, int[] counts) {
    return String.format(
        Locale.ROOT,
        "%-30s %6d %9d %16.2f %%",
        name,
        counts[0],
        counts[1],
        100.0 * counts[1] / counts[0]);
  }

  private static double number(String[] args, int i, double low, double high) {
    if (i + 1 >= args.length) {
      throw new Main.UsageException(args[i] + " needs a number");
    }
    try {
      double value = Double.parseDouble(args[i + 1]);
      if (!(value >= low && value <= high)) {
        throw new Main.UsageException(args[i] + " must be from " + low + " to " + high);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Main.UsageException(args[i] + " needs a number, not " + args[i + 1]);
    }
  }
}
