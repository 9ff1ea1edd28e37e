package dev.ser.training.bench;

import dev.ser.storage.recording.Consistency;
import dev.ser.training.cli.Main;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code ./ser bench soak [--requests 20000] [--clients 8] [--every 1000] [--url URL] [--data-dir
 * DIR] [--audio FILE]}: many predictions, and after every {@code --every} of them the server's
 * process RSS and its live Java heap (after a full collection); then whether both stay within ±10 %
 * after the warm-up (the first fifth of the samples), and the database and blob check.
 */
public final class SoakBench implements Main.Command {
  private static final List<String> OPTIONS =
      List.of("url", "requests", "clients", "every", "data-dir", "audio");
  private static final double TOLERANCE = 0.10;
  private static final Duration BATCH_LIMIT = Duration.ofMinutes(30);

  @Override
  public String summary() {
    return "[--requests 20000] [--clients 8] [--every 1000] [--url URL] [--data-dir DIR]:"
        + " heap and RSS of the server over many predictions, flat within ±10 % or not";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    BenchOptions options = BenchOptions.parse(args, OPTIONS);
    URI url = options.url();
    // 10,000 predictions after the warm-up: a fresh server needs about 10,000 to reach its steady
    // throughput, and the verdict skips the first fifth of the samples.
    int requests = options.positive("requests", 20_000, 10_000_000);
    int clients = options.positive("clients", 8, 256);
    int every = options.positive("every", 1000, 10_000_000);
    byte[] clip = options.clip();

    Optional<ServerUnderTest> running =
        ServerUnderTest.attach(url, options.dataDirOfRunningServer());
    try (ServerUnderTest server =
        running.isPresent() ? running.get() : ServerUnderTest.start(Repository.root(), url, out)) {
      if (server.pid().isEmpty()) {
        throw new IllegalStateException(
            "no Payara Micro process found for " + url + "; its memory cannot be sampled");
      }
      out.printf(
          Locale.ROOT,
          "soak: %s, %d requests by %d clients, a sample every %d; load average %.2f at start%n",
          server.describe(),
          requests,
          clients,
          every,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.println(
          "  heap = Java heap in use after a full GC (jcmd GC.run + GC.heap_info);"
              + " RSS = VmRSS of the whole process (heap, TensorFlow, FFmpeg, threads)");
      try (StoreCheck storage = StoreCheck.open(server.dataDir())) {
        Consistency before = storage.check();
        LoadGenerator load = new LoadGenerator(url, clip);
        List<Double> rss = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        out.printf(
            Locale.ROOT,
            "%9s %8s %8s %8s %9s %9s  %s%n",
            "requests",
            "RSS MB",
            "heap MB",
            "req/s",
            "p50 ms",
            "p95 ms",
            "errors");
        sample(server, rss, heap, out, 0, null);
        long done = 0;
        long successes = 0;
        while (done < requests) {
          int batch = (int) Math.min(every, requests - done);
          LevelResult result = load.run(clients, BATCH_LIMIT, batch);
          done += result.requests();
          successes += result.successes();
          sample(server, rss, heap, out, done, result);
          if (result.requests() == 0) {
            break;
          }
        }
        out.println();
        boolean flat = verdict("RSS", rss, out) & verdict("heap", heap, out);
        Consistency after = storage.check();
        boolean consistent = HttpBench.printConsistency(before, after, successes, out);
        return flat && consistent ? 0 : 1;
      }
    }
  }

  private static void sample(
      ServerUnderTest server,
      List<Double> rss,
      List<Double> heap,
      PrintStream out,
      long done,
      LevelResult batch) {
    OptionalLong heapKb = server.heapAfterGcKb();
    OptionalLong rssKb = server.rssKb();
    rssKb.ifPresent(kb -> rss.add(kb / 1024.0));
    heapKb.ifPresent(kb -> heap.add(kb / 1024.0));
    out.printf(
        Locale.ROOT,
        "%9d %8s %8s %8s %9s %9s  %s%n",
        done,
        HttpBench.megabytes(rssKb),
        HttpBench.megabytes(heapKb),
        batch == null ? "" : String.format(Locale.ROOT, "%.1f", batch.throughput()),
        batch == null ? "" : String.format(Locale.ROOT, "%.1f", batch.latency().p50Ms()),
        batch == null ? "" : String.format(Locale.ROOT, "%.1f", batch.latency().p95Ms()),
        batch == null ? "" : batch.errorText());
  }

  private static boolean verdict(String name, List<Double> curve, PrintStream out) {
    if (curve.size() < 3) {
      out.printf("%s: too few samples (%d) to judge; use more --requests%n", name, curve.size());
      return false;
    }
    int warmUp = Math.max(1, curve.size() / 5);
    Flatness flatness =
        Flatness.of(curve.stream().mapToDouble(Double::doubleValue).toArray(), warmUp, TOLERANCE);
    out.printf(
        Locale.ROOT,
        "%s after warm-up (%d samples skipped): baseline %.0f MB, range %.0f-%.0f MB,"
            + " worst %+.1f %%: %s%n",
        name,
        warmUp,
        flatness.baseline(),
        flatness.min(),
        flatness.max(),
        100 * flatness.worstDeviation(),
        flatness.isFlat() ? "flat within ±10 %" : "NOT flat within ±10 %");
    return flatness.isFlat();
  }
}
