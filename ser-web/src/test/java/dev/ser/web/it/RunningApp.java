package dev.ser.web.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The real application for integration tests: Payara Micro ({@code --nohazelcast}, 127.0.0.1, a
 * free port) running the built WAR against an embedded PostgreSQL this class starts, so tests can
 * look at the rows the app wrote. Started once per test JVM, stopped when it exits.
 */
public final class RunningApp {
  public static final String ADMIN_PASSWORD =
      System.getProperty("ser.admin.password", "admin-password-for-tests");

  /** The upload limit the tests run the application with: 25 MiB. */
  /** Live streams' bounds on the test server: 40 s of audio, 3 s idle, 6 streams in total. */
  static final int LIVE_MAX_SECONDS = 40;

  static final int LIVE_IDLE_SECONDS = 3;
  static final int LIVE_MAX_STREAMS = 6;

  static final long UPLOAD_LIMIT_BYTES = 25L * 1024 * 1024;

  private static RunningApp instance;

  private final EmbeddedPostgres postgres;
  private final String jdbcUrl;
  private final Process server;
  private final URI base;
  private final Duration startup;

  private RunningApp(
      EmbeddedPostgres postgres, String jdbcUrl, Process server, URI base, Duration startup) {
    this.postgres = postgres;
    this.jdbcUrl = jdbcUrl;
    this.server = server;
    this.base = base;
    this.startup = startup;
  }

  public static synchronized RunningApp get() {
    if (instance == null && System.getProperty("ser.base") != null) {
      instance = attach(URI.create(System.getProperty("ser.base")), System.getProperty("ser.jdbc"));
      return instance;
    }
    if (instance == null) {
      instance = start();
      RunningApp started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
    }
    return instance;
  }

  public URI base() {
    return base;
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  /** How long the server took from process start to answering its health check. */
  public Duration startup() {
    return startup;
  }

  /** The application's database, to check the rows it wrote. */
  public Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
  }

  /** Where the application keeps audio blobs (local disk store). */
  public Path audioDirectory() {
    return Path.of(System.getProperty("ser.audio", "target/it/data/audio"));
  }

  /**
   * A server someone already started ({@code -Dser.base=http://127.0.0.1:8080/ -Dser.jdbc=...}),
   * for running the tests while developing without a 60-second start each time.
   */
  private static RunningApp attach(URI base, String jdbcUrl) {
    return new RunningApp(null, jdbcUrl, null, base, Duration.ZERO);
  }

  private static RunningApp start() {
    Path war = Path.of(System.getProperty("ser.war", "target/ser-web.war"));
    Path payara = Path.of(System.getProperty("ser.payara", "target/payara/payara-micro.jar"));
    Path preboot = Path.of("src/main/payara/preboot.asadmin");
    Path work = Path.of("target/it");
    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(work);
      postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(payaraMicro(payara, preboot, war, port, "2g"))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("server.log").toFile());
    String jdbc = postgres.getJdbcUrl("postgres", "postgres");
    builder.environment().put("SER_DB_URL", jdbc);
    builder.environment().put("SER_DB_USER", "postgres");
    builder.environment().put("SER_DB_PASSWORD", "postgres");
    builder.environment().put("SER_DATA_DIR", work.resolve("data").toAbsolutePath().toString());
    builder.environment().put("SER_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // The tests' oversized uploads are just over this limit; the 64 MiB default would make a
    // browser post 64 MB for one assertion.
    builder.environment().put("SER_UPLOAD_MAX_BYTES", String.valueOf(UPLOAD_LIMIT_BYTES));
    // JobsApiIT's callback server listens here.
    builder.environment().put("SER_JOBS_CALLBACK_HOSTS", "127.0.0.1");
    // LiveIT reaches every bound of a live stream in seconds, not half an hour.
    builder.environment().put("SER_LIVE_MAX_SECONDS", String.valueOf(LIVE_MAX_SECONDS));
    builder.environment().put("SER_LIVE_IDLE_SECONDS", String.valueOf(LIVE_IDLE_SECONDS));
    builder.environment().put("SER_LIVE_MAX_STREAMS", String.valueOf(LIVE_MAX_STREAMS));
    long started = System.nanoTime();
    Process server;
    try {
      server = builder.start();
    } catch (IOException e) {
      closeQuietly(postgres);
      throw new UncheckedIOException("cannot start Payara Micro", e);
    }
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    RunningApp app = new RunningApp(postgres, jdbc, server, base, Duration.ZERO);
    try {
      awaitReady(server, base, work.resolve("server.log"));
    } catch (RuntimeException e) {
      app.stop();
      throw e;
    }
    Duration startup = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf(
        "ser-web started in %.1f s (process start to home page)%n", startup.toMillis() / 1000.0);
    return new RunningApp(postgres, jdbc, server, base, startup);
  }

  /** Ready when the home page renders: the WAR is deployed, storage open, the model loaded. */
  private static void awaitReady(Process server, URI home, Path log) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("Payara Micro exited; see target/it/server.log");
      }
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(home).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        if (deploymentFailed(log)) {
          throw new IllegalStateException("the WAR failed to deploy; see " + log);
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException("Payara Micro not ready after 300 s; see target/it/server.log");
  }

  private static boolean deploymentFailed(Path log) {
    try {
      return Files.readString(log).contains("Startup of context  failed");
    } catch (IOException e) {
      return false;
    }
  }

  private void stop() {
    if (server == null) {
      return;
    }
    server.destroy();
    try {
      if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    } catch (InterruptedException e) {
      server.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    closeQuietly(postgres);
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; the data directory is temporary
    }
  }

  /**
   * The command that runs {@code war} on Payara Micro as the tests need it: Hazelcast and
   * phone-home off, loopback only (the pre-boot file), the given port and heap.
   */
  static List<String> payaraMicro(Path payara, Path preboot, Path war, int port, String heap) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap,
        "-jar",
        payara.toString(),
        "--nohazelcast",
        "--disablephonehome",
        "--port",
        Integer.toString(port),
        "--prebootcommandfile",
        preboot.toString(),
        "--deploy",
        war.toString(),
        "--contextroot",
        "/");
  }

  /** A port nothing listens on now, on the loopback address. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
