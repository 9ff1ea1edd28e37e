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
 * {@code ./ser bench http [--url URL] [--seconds 60] [--clients 1,8,32] [--data-dir DIR] [--audio
 * FILE]}: load on {@code POST /api/v1/predictions} at each concurrency level, then the database and
 * blob check (exactly one prediction and one blob per 2xx answer), then where a request's time
 * goes. Starts {@code ./ser serve} itself when nothing answers at the URL.
 */
public final class HttpBench implements Main.Command {
  private static final List<String> OPTIONS =
      List.of("url", "seconds", "clients", "warm-up", "data-dir", "audio", "max-requests");

  /**
   * A fresh server needs about 10,000 requests before its throughput stops rising (the soak's
   * curve: C2 compiling the hot paths, TensorFlow preparing kernels for each batch size it meets),
   * so the default warm-up is a minute at the concurrency the goals are set for.
   */
  private static final int WARM_UP_SECONDS = 60;

  private static final int WARM_UP_CLIENTS = 8;
  private static final int MAX_CLIENTS = 256;
  private static final int DEFAULT_MAX_REQUESTS = 100_000;
  private static final int ANONYMOUS_LIMIT = 4;

  @Override
  public String summary() {
    return "[--url URL] [--seconds 60] [--clients 1,8,32] [--warm-up 60] [--data-dir DIR]"
        + " [--audio FILE]:"
        + " load and latency of POST /api/v1/predictions, then the DB/blob check and a profile";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    BenchOptions options = BenchOptions.parse(args, OPTIONS);
    URI url = options.url();
    int seconds = options.positive("seconds", 60, 3600);
    Duration warmUpTime = Duration.ofSeconds(options.positive("warm-up", WARM_UP_SECONDS, 3600));
    List<Integer> levels = options.positives("clients", List.of(1, 8, 32), MAX_CLIENTS);
    int maxRequests = options.positive("max-requests", DEFAULT_MAX_REQUESTS, 10_000_000);
    byte[] clip = options.clip();

    Optional<ServerUnderTest> running =
        ServerUnderTest.attach(url, options.dataDirOfRunningServer());
    try (ServerUnderTest server =
        running.isPresent() ? running.get() : ServerUnderTest.start(Repository.root(), url, out)) {
      printHeader(server, clip, seconds, levels, out);
      if (!server.startedHere() && levels.stream().anyMatch(c -> c > ANONYMOUS_LIMIT)) {
        out.printf(
            "note: every client here is the same anonymous address; unless this server was started"
                + " with SER_ANALYSIS_MAX_CONCURRENT_PER_CLIENT above %d, levels over %d clients"
                + " get 429s%n",
            ANONYMOUS_LIMIT, ANONYMOUS_LIMIT);
      }
      try (StoreCheck storage = StoreCheck.open(server.dataDir())) {
        Consistency before = storage.check();
        LoadGenerator load = new LoadGenerator(url, clip);
        LevelResult warmUp = load.run(WARM_UP_CLIENTS, warmUpTime, maxRequests);
        out.printf(
            Locale.ROOT,
            "warm-up: %d s at %d clients, %d requests (%s errors), not in the table%n%n",
            warmUpTime.toSeconds(),
            WARM_UP_CLIENTS,
            warmUp.requests(),
            warmUp.errorText());
        long successes = warmUp.successes();
        out.printf(
            Locale.ROOT,
            "%7s %8s %8s %9s %9s %9s %9s %11s %8s  %s%n",
            "clients",
            "requests",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "CPU ms/req",
            "RSS MB",
            "errors");
        List<LevelResult> results = new ArrayList<>();
        for (int clients : levels) {
          Optional<Double> cpuBefore = server.cpuSeconds();
          LevelResult level = load.run(clients, Duration.ofSeconds(seconds), maxRequests);
          Optional<Double> cpuAfter = server.cpuSeconds();
          results.add(level);
          successes += level.successes();
          out.printf(
              Locale.ROOT,
              "%7d %8d %8.1f %9.1f %9.1f %9.1f %9.1f %11s %8s  %s%n",
              clients,
              level.requests(),
              level.throughput(),
              level.latency().p50Ms(),
              level.latency().p95Ms(),
              level.latency().p99Ms(),
              level.latency().maxMs(),
              cpuPerRequest(cpuBefore, cpuAfter, level.requests()),
              megabytes(server.rssKb()),
              level.errorText());
        }
        out.println();
        Consistency after = storage.check();
        boolean consistent = printConsistency(before, after, successes, out);

        out.println();
        Optional<LevelResult> single = results.stream().filter(r -> r.clients() == 1).findFirst();
        if (single.isPresent() && single.get().latency().count() > 0) {
          out.println("where a request's time goes (one client):");
          StageProfile.print(
              StageProfile.measure(clip, storage, server.dataDir()),
              single.get().latency().p50Ms(),
              out);
          out.println(
              "  stages timed in this process on the same clip, one at a time; the HTTP row is the"
                  + " p50 at 1 client minus their sum (connection, body, JAX-RS, JSON, security)");
        } else {
          out.println("profile: skipped (needs a level with 1 client)");
        }
        return consistent ? 0 : 1;
      }
    }
  }

  private static void printHeader(
      ServerUnderTest server, byte[] clip, int seconds, List<Integer> levels, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "http benchmark: %s, clip %d KB as the raw body (audio/wav), %d s per level at %s"
            + " clients%n",
        server.describe(),
        clip.length / 1024,
        seconds,
        levels);
    server
        .coldStart()
        .ifPresent(
            cold ->
                out.printf(
                    Locale.ROOT,
                    "cold start: JVM start to /health/ready = 200 in %.1f s; RSS then %s MB%n",
                    cold.toMillis() / 1000.0,
                    megabytes(server.rssKb())));
    out.printf(
        Locale.ROOT,
        "machine: %d CPUs, load average %.2f at start (shared machine: numbers are noisy)%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * Prints the check and says whether it passed: as many new predictions and recordings as 2xx
   * answers, each recording with its prediction and its blob, and no blob without a row.
   */
  public static boolean printConsistency(
      Consistency before, Consistency after, long successes, PrintStream out) {
    long newPredictions = after.predictions() - before.predictions();
    long newRecordings = after.recordings() - before.recordings();
    boolean counts = newPredictions == successes && newRecordings == successes;
    boolean ok = counts && after.isConsistent();
    out.printf(
        Locale.ROOT,
        "database and blobs: %d 2xx answers, %d new predictions, %d new recordings;"
            + " recordings without prediction %d, missing blobs %d, unreferenced blobs %d: %s%n",
        successes,
        newPredictions,
        newRecordings,
        after.recordingsWithoutPrediction(),
        after.missingBlobs().size(),
        after.unreferencedBlobs().size(),
        ok ? "OK" : "MISMATCH");
    if (!before.isConsistent()) {
      out.println("  (the store was already inconsistent before the run)");
    }
    return ok;
  }

  /** The server JVM's CPU milliseconds per request over a level (PostgreSQL's not included). */
  private static String cpuPerRequest(Optional<Double> before, Optional<Double> after, long n) {
    if (before.isEmpty() || after.isEmpty() || n == 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.1f", 1000 * (after.get() - before.get()) / n);
  }

  static String megabytes(OptionalLong kb) {
    return kb.isPresent() ? String.format(Locale.ROOT, "%.0f", kb.getAsLong() / 1024.0) : "n/a";
  }
}
