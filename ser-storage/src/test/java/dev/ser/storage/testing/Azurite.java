package dev.ser.storage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Azurite's blob service (npm {@code azurite@3.35.0}), started by the tests on 127.0.0.1 and a free
 * port, shared by all tests of a JVM. {@code .ci/install} installs it into {@code
 * ~/.cache/ser/azurite}; without it the tests fail and say how to install it.
 */
public final class Azurite {
  /** Azurite's documented development account; not a secret. */
  private static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
  private static Azurite instance;

  private final Path executable;
  private final Path location;
  private final int port;
  private Process process;

  private Azurite(Path executable, Path location, int port) {
    this.executable = executable;
    this.location = location;
    this.port = port;
  }

  public static synchronized Azurite get() {
    if (instance == null) {
      try {
        Path location = Files.createTempDirectory(Path.of("target"), "azurite-");
        instance = new Azurite(findExecutable(), location, freePort());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
    }
    instance.start();
    return instance;
  }

  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
        + ACCOUNT_KEY
        + ";BlobEndpoint="
        + blobEndpoint()
        + ";";
  }

  public String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/devstoreaccount1";
  }

  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      Path log = location.resolve("azurite.out");
      process =
          new ProcessBuilder(
                  executable.toString(),
                  "--disableTelemetry",
                  "--skipApiVersionCheck",
                  "--blobHost",
                  "127.0.0.1",
                  "--blobPort",
                  Integer.toString(port),
                  "--location",
                  location.toString(),
                  "--silent")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
      while (!accepts()) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "Azurite exited with " + process.exitValue() + ": " + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Azurite did not listen on port " + port + " in time");
        }
        Thread.sleep(100);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server (its data stays in the location), e.g. to test an outage. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.waitFor();
      while (accepts()) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path findExecutable() {
    String configured = System.getenv("SER_AZURITE_DIR");
    Path cache =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".cache", "ser", "azurite");
    Path inCache = cache.resolve("node_modules/.bin/azurite-blob");
    Optional<Path> onPath =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .filter(dir -> !dir.isBlank())
            .map(dir -> Path.of(dir, "azurite-blob"))
            .filter(Files::isExecutable)
            .findFirst();
    return Stream.concat(Stream.of(inCache).filter(Files::isExecutable), onPath.stream())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Azurite is not installed: looked for "
                        + inCache
                        + " and azurite-blob on PATH. Run .ci/install, or: npm install --prefix "
                        + cache
                        + " azurite@3.35.0 (needs Node.js: apt-get install nodejs npm)"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
