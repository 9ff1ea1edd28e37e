package dev.ser.training.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The application the benchmark loads: one already answering at the URL, or {@code ./ser serve}
 * started here in a child process with a fresh data directory and the per-client analysis limit
 * raised (every benchmark client is the same anonymous address, which the limit of 4 would answer
 * with 429). A started server is stopped and its data directory (with its log) deleted on {@link
 * #close()}.
 */
public final class ServerUnderTest implements AutoCloseable {
  /** Far above any --clients: the benchmark measures the server, not its per-client gate. */
  static final int RAISED_CLIENT_LIMIT = 1000;

  private static final Duration START_LIMIT = Duration.ofMinutes(10);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI base;
  private final Path dataDir;
  private final OptionalLong pid;
  private final Optional<Process> child;
  private final Optional<Duration> coldStart;

  private ServerUnderTest(
      URI base,
      Path dataDir,
      OptionalLong pid,
      Optional<Process> child,
      Optional<Duration> coldStart) {
    this.base = base;
    this.dataDir = dataDir;
    this.pid = pid;
    this.child = child;
    this.coldStart = coldStart;
  }

  /** The server at {@code base} if something answers {@code /health/ready} there. */
  public static Optional<ServerUnderTest> attach(URI base, Path dataDir) {
    if (readyStatus(base).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ServerUnderTest(
            base, dataDir, findPayara(base.getPort()), Optional.empty(), Optional.empty()));
  }

  /**
   * Starts {@code ./ser serve} on the URL's port with a temporary {@code SER_DATA_DIR} and waits
   * until {@code /health/ready} answers 200. The cold start is timed from the moment the launcher
   * hands over to the JVM (it may first build the WAR), to ready.
   */
  public static ServerUnderTest start(Path repository, URI base, PrintStream out)
      throws IOException, InterruptedException {
    Path dataDir = Files.createTempDirectory("ser-bench-data-");
    // Inside the data directory, so it goes with it; kept with it when the start fails.
    Path log = dataDir.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(repository.resolve("ser").toString(), "serve")
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SER_DATA_DIR", dataDir.toString());
    builder.environment().put("PORT", Integer.toString(base.getPort()));
    builder
        .environment()
        .put("SER_ANALYSIS_MAX_CONCURRENT_PER_CLIENT", Integer.toString(RAISED_CLIENT_LIMIT));
    // Live streams too: the benchmark raises the number until latency, not a limit, stops it.
    builder.environment().put("SER_LIVE_MAX_STREAMS", Integer.toString(RAISED_CLIENT_LIMIT));
    out.printf(
        "starting ./ser serve on port %d, SER_DATA_DIR=%s,"
            + " SER_ANALYSIS_MAX_CONCURRENT_PER_CLIENT=SER_LIVE_MAX_STREAMS=%d (log: %s)%n",
        base.getPort(), dataDir, RAISED_CLIENT_LIMIT, log);
    Process process = builder.start();
    long launched = System.nanoTime();
    long jvmStarted = -1;
    long jvm = -1;
    long deadline = launched + START_LIMIT.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "./ser serve exited with " + process.exitValue() + "; last lines:\n" + tail(log));
      }
      if (jvmStarted < 0) {
        // The launcher runs Payara Micro as its child (it prints a banner when it is ready).
        OptionalLong payara = payaraIn(process.toHandle());
        if (payara.isPresent()) {
          jvm = payara.getAsLong();
          jvmStarted = System.nanoTime();
        }
      }
      if (jvmStarted >= 0 && readyStatus(base).filter(s -> s == 200).isPresent()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        process.destroy();
        throw new IllegalStateException(
            "./ser serve not ready within " + START_LIMIT.toMinutes() + " min; see " + log);
      }
      Thread.sleep(100);
    }
    Duration cold = Duration.ofNanos(System.nanoTime() - jvmStarted);
    if (jvmStarted - launched > 2_000_000_000L) {
      out.printf(
          "  (the launcher spent %.0f s building before starting the JVM)%n",
          (jvmStarted - launched) / 1e9);
    }
    return new ServerUnderTest(
        base, dataDir, OptionalLong.of(jvm), Optional.of(process), Optional.of(cold));
  }

  public boolean startedHere() {
    return child.isPresent();
  }

  public Path dataDir() {
    return dataDir;
  }

  OptionalLong pid() {
    return pid;
  }

  /** JVM start to {@code /health/ready} = 200, when this benchmark started the server. */
  Optional<Duration> coldStart() {
    return coldStart;
  }

  OptionalLong rssKb() {
    return pid.isPresent() ? ProcessMemory.rssKb(pid.getAsLong()) : OptionalLong.empty();
  }

  Optional<Double> cpuSeconds() {
    return pid.isPresent() ? ProcessMemory.cpuSeconds(pid.getAsLong()) : Optional.empty();
  }

  OptionalLong heapAfterGcKb() {
    return pid.isPresent() ? ProcessMemory.heapAfterGcKb(pid.getAsLong()) : OptionalLong.empty();
  }

  public String describe() {
    return base
        + (startedHere() ? " (started here)" : " (already running)")
        + pid.stream().mapToObj(p -> ", pid " + p).findFirst().orElse(", pid not found");
  }

  /** Stops a server started here (SIGTERM, so Payara stops its embedded PostgreSQL too). */
  @Override
  public void close() throws IOException, InterruptedException {
    if (child.isEmpty()) {
      return;
    }
    Process process = child.get();
    process.destroy();
    if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    // The launcher stops its Payara child on SIGTERM; should it not have, the JVM goes too.
    Optional<ProcessHandle> payara =
        pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
    if (payara.isPresent() && payara.get().isAlive()) {
      payara.get().destroy();
      try {
        payara.get().onExit().get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        payara.get().destroyForcibly();
      }
    }
    stopLeftoverPostgres(dataDir.resolve("postgres"));
    deleteTree(dataDir);
  }

  /** The status of {@code /health/ready}, or nothing when the server does not answer. */
  public static Optional<Integer> readyStatus(URI base) {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(base.resolve("/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return Optional.of(response.statusCode());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The Payara Micro JVM: the process itself or one of its descendants. */
  private static OptionalLong payaraIn(ProcessHandle process) {
    return Stream.concat(Stream.of(process), process.descendants())
        .mapToLong(ProcessHandle::pid)
        .filter(ServerUnderTest::isPayara)
        .findFirst();
  }

  private static boolean isPayara(long pid) {
    return commandLine(pid).map(c -> c.contains("payara-micro.jar")).orElse(false);
  }

  /** The Payara Micro process listening on the port, found by its command line. */
  private static OptionalLong findPayara(int port) {
    return ProcessHandle.allProcesses()
        .mapToLong(ProcessHandle::pid)
        .filter(
            p ->
                commandLine(p)
                    .map(c -> c.contains("payara-micro.jar") && c.contains("--port " + port + " "))
                    .orElse(false))
        .findFirst();
  }

  private static Optional<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Payara normally stops it; after a forced kill the daemonised server would be left behind. */
  private static void stopLeftoverPostgres(Path pgData) throws IOException, InterruptedException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
      return;
    }
    Optional<ProcessHandle> postgres =
        ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
            .filter(
                p -> commandLine(p.pid()).map(c -> c.contains(pgData.toString())).orElse(false));
    if (postgres.isPresent()) {
      new ProcessBuilder("kill", "-INT", Long.toString(postgres.get().pid()))
          .inheritIO()
          .start()
          .waitFor();
      postgres.get().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }
}
