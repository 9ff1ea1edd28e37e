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
import java.util.function.BiFunction;
import java.util.function.Function;

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
        Tally<String> byCorpus = new Tally<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
          Clip clip = clips.get(i);
          try {
            double seconds = speech.get(i).get();
            byCorpus.count(clip.corpus(), seconds < minSpeech, false);
            if (seconds < minSpeech) {
              refused.add(
                  String.format(Locale.ROOT, "  %s: %.2f s of speech", clip.audio(), seconds));
            }
          } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof AudioException)) {
              throw e;
            }
            byCorpus.count(clip.corpus(), false, true);
          }
        }
        out.println("corpus (real speech)     clips  refused  unreadable  false rejection");
        byCorpus.print(out, corpus -> corpus, SpeechCommand::row);
        list(out, "refused:", refused);
      }
      if (generated > 0) {
        List<NonSpeech.Clip> clips = new NonSpeech(seed).clips(generated);
        List<Future<Double>> speech = new ArrayList<>();
        for (NonSpeech.Clip clip : clips) {
          speech.add(
              pool.submit(
                  () -> detector.detect(clip.samples(), NonSpeech.SAMPLE_RATE).speechSeconds()));
        }
        Tally<NonSpeech.Kind> byKind = new Tally<>();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
          NonSpeech.Clip clip = clips.get(i);
          double seconds = speech.get(i).get();
          byKind.count(clip.kind(), seconds >= minSpeech, false);
          if (seconds >= minSpeech) {
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
        byKind.print(out, kind -> kind.name().toLowerCase(Locale.ROOT), SpeechCommand::acceptance);
        list(out, "accepted:", accepted);
      }
      out.printf(
          Locale.ROOT, "%.1f s on %d threads%n", (System.nanoTime() - started) / 1e9, threads);
    } finally {
      pool.shutdownNow();
    }
    return 0;
  }

  /**
   * Per group, in the groups' order: clips, clips counted (a refusal or an acceptance), unreadable.
   */
  private static final class Tally<K extends Comparable<K>> {
    private final Map<K, int[]> groups = new TreeMap<>();

    void count(K group, boolean counted, boolean unreadable) {
      int[] counts = groups.computeIfAbsent(group, g -> new int[3]);
      counts[0]++;
      counts[1] += counted ? 1 : 0;
      counts[2] += unreadable ? 1 : 0;
    }

    /** A row per group, then one for all of them. */
    void print(PrintStream out, Function<K, String> name, BiFunction<String, int[], String> row) {
      int[] total = new int[3];
      groups.forEach(
          (group, counts) -> {
            out.println(row.apply(name.apply(group), counts));
            for (int k = 0; k < total.length; k++) {
              total[k] += counts[k];
            }
          });
      out.println(row.apply("all", total));
    }
  }

  private static void list(PrintStream out, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      out.println(title);
      lines.forEach(out::println);
    }
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
