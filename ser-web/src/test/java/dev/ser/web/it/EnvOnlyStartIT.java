package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.storage.testing.Azurite;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The App Service artefact ({@code target/azure}: the uber-jar and {@code startup.sh}) started the
 * way App Service starts it: the startup command, a working directory of its own, and nothing but
 * environment variables, no {@code ./ser} defaults. Storage is "external": a PostgreSQL with its
 * own role and database standing in for Azure Database for PostgreSQL, and Azurite for Blob
 * Storage. {@code WEBSITE_SITE_NAME} is set as on App Service (so the front end's {@code
 * X-Forwarded-Proto} is trusted), and {@code SER_BIND_ADDRESS} overrides its 0.0.0.0 so the test
 * stays on loopback.
 */
class EnvOnlyStartIT {
  private static final String CONTAINER = "ser-audio-it";
  private static final String DB_PASSWORD = "app-service-it-password";
  private static final Duration READY_WITHIN = Duration.ofSeconds(180);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private static EmbeddedPostgres postgres;
  private static String jdbcUrl;
  private static Azurite azurite;
  private static String blobConnectionString;
  private static Path wwwroot;
  private static Path serverLog;
  private static Process server;
  private static int port;

  @BeforeAll
  static void startStorageAndTheArtefact() throws Exception {
    Path azure = Path.of(System.getProperty("ser.azure", "target/azure"));
    Path work = Files.createDirectories(Path.of("target/it-azure"));
    postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE ROLE ser LOGIN PASSWORD '" + DB_PASSWORD + "'");
      sql.execute("CREATE DATABASE ser OWNER ser");
    }
    jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/ser";
    azurite = Azurite.get();
    blobConnectionString = azurite.connectionString();

    wwwroot = Files.createTempDirectory(work, "wwwroot-");
    serverLog = work.resolve("server.log");
    port = RunningApp.freePort();
    ProcessBuilder builder =
        new ProcessBuilder("sh", azure.resolve("startup.sh").toAbsolutePath().toString())
            .directory(wwwroot.toFile())
            .redirectErrorStream(true)
            .redirectOutput(serverLog.toFile());
    builder.environment().clear();
    builder
        .environment()
        .putAll(
            Map.of(
                "PATH",
                Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin",
                "WEBSITE_SITE_NAME",
                "ser-it",
                "SER_BIND_ADDRESS",
                "127.0.0.1",
                "PORT",
                Integer.toString(port),
                "JAVA_OPTS",
                "-Xmx2g -XX:+ExitOnOutOfMemoryError",
                "SER_DB_URL",
                jdbcUrl,
                "SER_DB_USER",
                "ser",
                "SER_DB_PASSWORD",
                DB_PASSWORD,
                "SER_BLOB_CONNECTION_STRING",
                blobConnectionString,
                "SER_BLOB_CONTAINER",
                CONTAINER));
    server = builder.start();
    awaitReady();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    if (azurite != null) {
      azurite.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void uploadedWavLandsInBlobStorageAndPostgresAndNothingOnLocalDisk() throws Exception {
    byte[] wav = Files.readAllBytes(Path.of("src/test/resources/audio/speech_16k.wav"));

    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(uri("api/v1/predictions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(wav))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    UUID id = UUID.fromString(json(answer.body()).get("id").asText());
    BlobClient blob = container().getBlobClient("recordings/" + id);
    assertThat(blob.exists()).isTrue();
    assertThat(blob.getProperties().getBlobSize()).isEqualTo(wav.length);
    try (Connection db = DriverManager.getConnection(jdbcUrl, "ser", DB_PASSWORD)) {
      assertThat(single(db, "SELECT blob_key FROM recordings WHERE id = ?", id))
          .hasValue("recordings/" + id);
      assertThat(single(db, "SELECT count(*) FROM predictions WHERE recording_id = ?", id))
          .hasValue("1");
    }
    assertThat(wwwroot.resolve("data")).doesNotExist();
  }

  @Test
  void readinessIsUpAgainstTheExternalDatabaseAndBlobStorage() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(uri("health/ready")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json(answer.body()).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void listensOnTheAddressFromSerBindAddressAndThePortFromPort() throws IOException {
    assertThat(Files.readString(serverLog)).contains("bound to [/127.0.0.1:" + port + "]");
  }

  @Test
  void sessionCookieIsSecureOnlyWhenTheFrontEndSaysTheRequestCameOverHttps() throws Exception {
    assertThat(sessionCookie("https")).contains("; Secure");
    assertThat(sessionCookie("http")).doesNotContain("Secure");
  }

  private static String sessionCookie(String forwardedProto) throws Exception {
    HttpResponse<Void> answer =
        HTTP.send(
            HttpRequest.newBuilder(uri("login.xhtml"))
                .timeout(Duration.ofSeconds(10))
                .header("X-Forwarded-Proto", forwardedProto)
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + answer.headers()));
  }

  private static BlobContainerClient container() {
    return new BlobContainerClientBuilder()
        .httpClient(new JdkHttpClientBuilder().build())
        .connectionString(blobConnectionString)
        .containerName(CONTAINER)
        .buildClient();
  }

  private static Optional<String> single(Connection db, String query, UUID id) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(query)) {
      statement.setObject(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + "/" + path);
  }

  private static JsonNode json(String body) throws IOException {
    return new ObjectMapper().readTree(body);
  }

  /** Ready as App Service's health check sees it: {@code /health/ready} answers 200. */
  private static void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "the artefact exited with " + server.exitValue() + "; see " + serverLog);
      }
      try {
        HttpResponse<Void> answer =
            HTTP.send(
                HttpRequest.newBuilder(uri("health/ready")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // Payara Micro is still unpacking the WAR
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("not ready after " + READY_WITHIN + "; see " + serverLog);
  }
}
