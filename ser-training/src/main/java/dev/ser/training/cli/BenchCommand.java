package dev.ser.training.cli;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.training.bench.HttpBench;
import dev.ser.training.bench.LiveBench;
import dev.ser.training.bench.SoakBench;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code ./ser bench [SECTION...|all] [--golden DIR]}: single-threaded timings that print a table.
 * A plain harness, not JMH: each case is warmed up, then timed run by run, and the table shows the
 * median with the 10th and 90th percentiles. Sections are independent; a new one is one entry in
 * {@link #sections}.
 *
 * <p>The golden folder (../shared/golden next to the clone) is found from {@code --golden}, then
 * {@code SER_GOLDEN}, then relative to the repository this command was built in, then the copy in
 * the clone's own test resources, then relative to the working directory.
 */
final class BenchCommand implements Main.Command {
  private static final double WARM_UP_SECONDS = 3.0;
  private static final double MEASURE_SECONDS = 5.0;
  private static final double DECODE_WARM_UP_SECONDS = 1.0;
  private static final double DECODE_SECONDS = 2.0;

  private interface Section {
    void run(Path golden, PrintStream out) throws Exception;
  }

  private final Map<String, Section> sections = new LinkedHashMap<>();

  /** Sections against the running application, with options of their own; never part of all. */
  private final Map<String, Main.Command> serverSections = new LinkedHashMap<>();

  BenchCommand() {
    sections.put("audio", this::audio);
    sections.put("inference", InferenceBench::run);
    sections.put("long", LongRecordingBench::run);
    serverSections.put("http", new HttpBench());
    serverSections.put("soak", new SoakBench());
    serverSections.put("live", new LiveBench());
  }

  @Override
  public String summary() {
    return "["
        + String.join("|", sections.keySet())
        + "|all] [--golden DIR]: timings of decoding, feature extraction and more; "
        + String.join("|", serverSections.keySet())
        + " [--help]: load, latency and memory of the running application";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    if (args.length > 0 && serverSections.containsKey(args[0])) {
      Main.Command section = serverSections.get(args[0]);
      if (Arrays.asList(args).contains("--help")) {
        out.println("usage: ./ser bench " + args[0] + " " + section.summary());
        return 0;
      }
      return section.run(Arrays.copyOfRange(args, 1, args.length), out);
    }
    List<String> chosen = new ArrayList<>();
    Path golden = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--golden")) {
        if (i + 1 == args.length) {
          throw new Main.UsageException("--golden needs a folder");
        }
        golden = Path.of(args[++i]);
      } else if (args[i].equals("all")) {
        chosen.addAll(sections.keySet());
      } else if (sections.containsKey(args[i])) {
        chosen.add(args[i]);
      } else {
        throw new Main.UsageException(
            "unknown section '"
                + args[i]
                + "'; sections: "
                + sections.keySet()
                + " or all, or alone: "
                + serverSections.keySet());
      }
    }
    if (chosen.isEmpty()) {
      chosen.add("audio");
    }
    Path folder = golden != null ? golden : goldenFolder();
    if (!Files.isDirectory(folder)) {
      throw new Main.UsageException(
          "golden folder " + folder + " not found; pass --golden DIR or set SER_GOLDEN");
    }
    for (String name : chosen.stream().distinct().toList()) {
      sections.get(name).run(folder, out);
    }
    return 0;
  }

  private void audio(Path golden, PrintStream out) throws IOException {
    Path speech = golden.resolve("speech_16k.wav");
    if (!Files.isRegularFile(speech)) {
      throw new Main.UsageException(speech + " not found");
    }
    List<Path> inputs = new ArrayList<>();
    inputs.add(speech);
    Path formats = golden.resolve("formats");
    if (!Files.isDirectory(formats)) {
      // In a clone the encoded copies sit beside the golden files: src/test/resources/formats.
      formats = golden.resolveSibling("formats");
    }
    if (Files.isDirectory(formats)) {
      try (Stream<Path> files = Files.list(formats)) {
        files.filter(Files::isRegularFile).sorted().forEach(inputs::add);
      }
    }
    out.printf(
        "audio benchmarks: %s, one thread, Java %s, %d CPUs%n%n",
        golden, Runtime.version(), Runtime.getRuntime().availableProcessors());

    AudioDecoder decoder = new AudioDecoder();
    out.printf(
        "%-22s %8s %8s %10s %10s %10s %10s %9s%n",
        "decode (bytes->16 kHz)", "size", "audio", "median", "p10", "p90", "cpu", "RTF");
    for (Path input : inputs) {
      byte[] bytes = Files.readAllBytes(input);
      DecodedAudio decoded = decoder.decode(bytes);
      Timing timing = time(() -> decoder.decode(bytes), DECODE_WARM_UP_SECONDS, DECODE_SECONDS);
      out.printf(
          "%-22s %5d KB %6.2f s %s %9.5f%n",
          input.getFileName(),
          bytes.length / 1024,
          decoded.durationSeconds(),
          timing.columns(),
          timing.medianMs() / 1000 / decoded.durationSeconds());
    }
    out.println();

    float[] y = decoder.decode(speech).samples();
    double seconds = (double) y.length / AudioDecoder.SAMPLE_RATE;
    FeatureExtractor extractor = new FeatureExtractor(FeatureSpec.modelDefault());
    Timing features = time(() -> extractor.extract(y), WARM_UP_SECONDS, MEASURE_SECONDS);
    out.printf(
        "%-22s %8s %8s %10s %10s %10s %10s %9s %9s%n",
        "features (all five)", "frames", "audio", "median", "p10", "p90", "cpu", "RTF");
    out.printf(
        "%-22s %8d %6.2f s %s %9.5f%n",
        speech.getFileName(),
        extractor.extract(y).frames(),
        seconds,
        features.columns(),
        features.medianMs() / 1000 / seconds);
    out.printf(
        "  log-mel %d + mel power + MFCC %d + ZCR + RMS, model spec; %d runs after %.0f s warm-up%n"
            + "  median/p10/p90: wall clock per run; cpu: median CPU time of the calling thread per"
            + " run (below the wall clock when the thread waits for a core; FFmpeg's own decoder"
            + " threads are not in it)%n",
        extractor.spec().nMels(), extractor.spec().nMfcc(), features.runs(), WARM_UP_SECONDS);
  }

  /** The times of many runs of one case, after a warm-up. */
  /**
   * Wall-clock times of many runs of one case, sorted, and the median of the thread's CPU time: on
   * a shared machine the wall clock includes time the thread waited for a core, the CPU time not.
   */
  private record Timing(long[] nanos, double cpuMedianMs) {
    int runs() {
      return nanos.length;
    }

    double medianMs() {
      return percentile(50);
    }

    String columns() {
      return String.format(
          "%7.3f ms %7.3f ms %7.3f ms %7.3f ms",
          medianMs(), percentile(10), percentile(90), cpuMedianMs);
    }

    private double percentile(int p) {
      return nanos[Math.min(nanos.length - 1, nanos.length * p / 100)] / 1e6;
    }
  }

  private static volatile Object sink;

  private static Timing time(Supplier<?> work, double warmUpSeconds, double measureSeconds) {
    long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
    while (System.nanoTime() < warmUpEnd) {
      sink = work.get();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
    List<Long> wall = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    long measureEnd = System.nanoTime() + (long) (measureSeconds * 1e9);
    while (System.nanoTime() < measureEnd || wall.size() < 5) {
      long cpuStart = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
      long start = System.nanoTime();
      sink = work.get();
      wall.add(System.nanoTime() - start);
      cpu.add(cpuClock ? threads.getCurrentThreadCpuTime() - cpuStart : 0);
    }
    long[] sortedCpu = cpu.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Timing(
        wall.stream().mapToLong(Long::longValue).sorted().toArray(),
        cpuClock ? sortedCpu[sortedCpu.length / 2] / 1e6 : Double.NaN);
  }

  private static Path goldenFolder() {
    String env = System.getenv("SER_GOLDEN");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    try {
      Path jar =
          Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // CLONE/ser-training/target/ser-training.jar: three levels up is the clone, next to shared/.
      Path clone = jar.getParent().getParent().getParent();
      Path candidate = clone.resolveSibling("shared").resolve("golden");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      // Every clone has librosa's files for the tests.
      Path inClone = clone.resolve("ser-audio/src/test/resources/golden");
      if (Files.isDirectory(inClone)) {
        return inClone;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the working directory
    }
    return Path.of("..", "shared", "golden").toAbsolutePath().normalize();
  }
}
