package dev.ser.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on Payara Micro in a process of its own, configured by environment variables only,
 * that a test may kill the hard way ({@code SIGKILL}: no shutdown hooks, no rollback, open sockets
 * just vanish) and start again on the same database and data directory.
 */
final class KillableServer implements AutoCloseable {
  private static final Duration READY_WITHIN = Duration.ofSeconds(300);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final Process process;
  private final URI base;
  private final Path log;
  private final Duration startup;

  private KillableServer(Process process, URI base, Path log, Duration startup) {
    this.process = process;
    this.base = base;
    this.log = log;
    this.startup = startup;
  }

  /**
   * Starts the server and returns once {@code /health/ready} answers 200: the WAR is deployed,
   * storage open and the model loaded.
   *
   * @param war the application
   * @param environment the {@code SER_*} settings, added to this JVM's environment
   * @param log where the server's output goes (appended, so a restart keeps the first run's log)
   */
  static KillableServer start(Path war, Map<String, String> environment, Path log) {
    Path payara = Path.of(System.getProperty("ser.payara", "target/payara/payara-micro.jar"));
    int port = RunningApp.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                RunningApp.payaraMicro(
                    payara, Path.of("src/main/payara/preboot.asadmin"), war, port, "1g"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Payara Micro", e);
    }
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    try {
      awaitReady(process, base, log);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    return new KillableServer(process, base, log, Duration.ofNanos(System.nanoTime() - started));
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  /** Process start to {@code /health/ready} = 200. */
  Duration startup() {
    return startup;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code SIGKILL}, as the OOM killer or a pulled plug does it; returns once the JVM is gone. */
  void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** A normal shutdown, forced after 20 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!awaitExit(Duration.ofSeconds(20))) {
      kill();
    }
  }

  private boolean awaitExit(Duration within) {
    try {
      return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void awaitReady(Process process, URI base, Path log) {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> answer =
            HTTP.send(
                HttpRequest.newBuilder(base.resolve("health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // Payara Micro is still deploying the WAR
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("not ready after " + READY_WITHIN + "; see " + log);
  }
}
