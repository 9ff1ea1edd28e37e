package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 6's faults against the real application in a server process of its own (not the shared
 * {@link RunningApp}, because one test kills it): a PostgreSQL this class starts, stops and starts
 * again, and audio on local disk under a data directory that outlives the server.
 *
 * <p>Housekeeping runs every second with a 10-second orphan grace, so its effects show within the
 * test. Each test asks for the server configuration it needs; in the declared order the first three
 * share a server with retention off, the kill test restarts it with retention on, and the last uses
 * that one, so the class starts Payara twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
  private static final int RETENTION_OFF = 0;
  private static final int RETENTION_DAYS = 30;
  private static final int CLIENTS = 8;
  private static final Duration ORPHAN_GRACE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static Path work;
  private static Path war;
  private static Path audio;
  private static byte[] wav;
  private static RestartablePostgres postgres;
  private static KillableServer server;
  private static int serverRetentionDays = -1;

  record Reply(int status, String body, HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String retryAfter() {
      return headers.firstValue("Retry-After").orElse(null);
    }
  }

  /**
   * A directory of its own per run, with its own copy of the WAR: other builds in the same tree may
   * run this class or rebuild {@code target/ser-web.war} meanwhile, and the restart must deploy the
   * same application as the first start.
   */
  @BeforeAll
  static void startDatabase() throws IOException {
    work = Workspace.create("it-faults-");
    war = Workspace.copyWar(work);
    audio = work.resolve("data/audio");
    wav = Files.readAllBytes(Path.of("src/test/resources/audio/speech_16k.wav"));
    postgres = RestartablePostgres.create(work.resolve("postgres"));
  }

  @AfterAll
  static void stopEverything() throws IOException {
    if (server != null) {
      server.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    // The server's log stays for whoever reads a failure; the rest is hundreds of megabytes.
    Workspace.deleteRecursively(work.resolve("postgres"));
    Workspace.deleteRecursively(work.resolve("data"));
    Files.deleteIfExists(war);
  }

  @Test
  @Order(1)
  void withRetentionOffHousekeepingSweepsOldOrphansButKeepsOldRecordings() throws Exception {
    KillableServer app = server(RETENTION_OFF);
    UUID ancient = created(post(app));
    age(ancient, Duration.ofDays(400));
    Path oldOrphan = plantBlob("", Duration.ofHours(2));
    Path youngOrphan = plantBlob("", Duration.ZERO);
    Path halfWritten = plantBlob(".tmp-", Duration.ofHours(2));

    awaitTrue(() -> !Files.exists(oldOrphan), Duration.ofSeconds(30), "old orphan swept");
    awaitTrue(() -> !Files.exists(halfWritten), Duration.ofSeconds(5), "half-written blob swept");

    assertThat(youngOrphan).as("an orphan younger than the grace may still get its rows").exists();
    assertThat(recordingExists(ancient)).isTrue();
    assertThat(audio.resolve("recordings/" + ancient)).exists();
    Files.delete(youngOrphan);
  }

  @Test
  @Order(2)
  void databaseOutageIs503WithRetryAfterAndRecoversWithoutRestart() throws Exception {
    KillableServer app = server(RETENTION_OFF);
    UUID existing = created(post(app));
    Set<String> blobsBefore = blobKeys();

    postgres.stop();
    long down = System.nanoTime();
    Reply refused;
    Reply ready;
    Reply page;
    Reply media;
    Set<String> blobsDuring;
    long refusedIn;
    try {
      refused = post(app);
      refusedIn = System.nanoTime() - down;
      ready = get(app, "health/ready");
      page = get(app, "result.xhtml?id=" + existing);
      media = get(app, "media/recordings/" + existing + "/audio");
      blobsDuring = blobKeys();
    } finally {
      postgres.start();
    }
    long up = System.nanoTime();
    awaitTrue(() -> post(app).status() == 201, Duration.ofSeconds(60), "201 after the outage");
    long recovered = System.nanoTime();

    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.retryAfter()).isEqualTo("10");
    assertThat(refused.json().get("error").asText()).isEqualTo("database_unavailable");
    assertThat(refused.json().get("message").asText()).contains("try again");
    assertThat(ready.status()).isEqualTo(503);
    JsonNode check = ready.json().get("checks").get(0);
    assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
    assertThat(check.get("data").get("database").asBoolean()).isFalse();
    assertThat(check.get("data").get("blob").asBoolean()).isTrue();
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.retryAfter()).isEqualTo("10");
    assertThat(page.body()).contains("Back in a moment").doesNotContain("Exception");
    assertThat(media.status()).as("a recording's audio while the database is down").isEqualTo(503);
    assertThat(media.retryAfter()).isEqualTo("10");
    assertThat(media.body()).doesNotContain("Exception");
    assertThat(blobsDuring).as("the refused upload's blob was removed").isEqualTo(blobsBefore);
    assertThat(get(app, "health/ready").status()).isEqualTo(200);
    System.out.printf(
        "database outage: POST answered 503 in %.1f s; 201 again %.1f s after the restart%n",
        refusedIn / 1e9, (recovered - up) / 1e9);
  }

  @Test
  @Order(3)
  void blobStoreOutageIs503WithRetryAfterWritesNoRowsAndRecovers() throws Exception {
    KillableServer app = server(RETENTION_OFF);
    created(post(app));
    long rowsBefore = count("SELECT count(*) FROM recordings");
    Path away = audio.resolveSibling("audio-away");
    Files.move(audio, away);
    // A regular file where the directory was: the write fails even for root, whom chmod won't stop.
    Files.writeString(audio, "not a directory");
    Reply refused;
    Reply ready;
    long refusedIn;
    try {
      long broken = System.nanoTime();
      refused = post(app);
      refusedIn = System.nanoTime() - broken;
      ready = get(app, "health/ready");
    } finally {
      Files.delete(audio);
      Files.move(away, audio);
    }
    long restored = System.nanoTime();
    long rowsDuring = count("SELECT count(*) FROM recordings");
    awaitTrue(() -> post(app).status() == 201, Duration.ofSeconds(30), "201 after the outage");
    long recovered = System.nanoTime();

    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.retryAfter()).isEqualTo("10");
    assertThat(refused.json().get("error").asText()).isEqualTo("blob_store_unavailable");
    assertThat(rowsDuring).as("no rows for a blob that was never written").isEqualTo(rowsBefore);
    assertThat(ready.status()).isEqualTo(503);
    JsonNode data = ready.json().get("checks").get(0).get("data");
    assertThat(data.get("blob").asBoolean()).isFalse();
    assertThat(data.get("database").asBoolean()).isTrue();
    assertThat(get(app, "health/ready").status()).isEqualTo(200);
    System.out.printf(
        "blob outage: POST answered 503 in %.1f s; 201 again %.1f s after the repair%n",
        refusedIn / 1e9, (recovered - restored) / 1e9);
  }

  @Test
  @Order(4)
  void killedMidLoadRestartsWithWholeRowsAndNoOrphanBlobsAfterCleanup() throws Exception {
    KillableServer app = server(RETENTION_OFF);
    ConcurrentLinkedQueue<UUID> answered = new ConcurrentLinkedQueue<>();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger cutOff = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      clients.submit(
          () -> {
            while (!killed.get()) {
              Reply reply;
              try {
                reply = post(app);
              } catch (UncheckedIOException inFlightAtTheKill) {
                cutOff.incrementAndGet();
                return;
              }
              statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
              if (reply.status() == 201) {
                answered.add(UUID.fromString(reply.json().get("id").asText()));
              }
            }
          });
    }
    long loadStarted = System.nanoTime();
    awaitTrue(
        () ->
            answered.size() >= CLIENTS
                && System.nanoTime() - loadStarted > Duration.ofSeconds(2).toNanos(),
        Duration.ofSeconds(60),
        "two seconds of load and at least one 201 per client thread");
    killed.set(true);
    app.kill();
    server = null;
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    Set<String> orphansAfterKill = orphanKeys();
    long halfWrittenAfterKill = halfWrittenFiles();
    Set<UUID> seen = Set.copyOf(answered);

    KillableServer restarted = server(RETENTION_DAYS);
    awaitTrue(
        () -> orphanKeys().isEmpty() && halfWrittenFiles() == 0,
        Duration.ofSeconds(60),
        "no blob without rows and no half-written file after cleanup");

    assertThat(statuses.keySet()).as("statuses before the kill").containsOnly(201);
    assertThat(
            count(
                "SELECT count(*) FROM recordings r WHERE NOT EXISTS"
                    + " (SELECT 1 FROM predictions p WHERE p.recording_id = r.id)"))
        .as("recordings without their prediction")
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM predictions p WHERE NOT EXISTS"
                    + " (SELECT 1 FROM recordings r WHERE r.id = p.recording_id)"))
        .as("predictions without their recording")
        .isZero();
    assertThat(recordingBlobKeys()).as("every row's blob").isSubsetOf(blobKeys());
    assertThat(recordingIds()).as("every 201 before the kill").containsAll(seen);
    assertThat(created(post(restarted))).isNotNull();
    System.out.printf(
        "kill mid-load: %d answered 201, %d requests cut off, %d orphan blobs and %d half-written"
            + " files after the kill, all swept; restart to ready in %.1f s%n",
        seen.size(),
        cutOff.get(),
        orphansAfterKill.size(),
        halfWrittenAfterKill,
        restarted.startup().toMillis() / 1000.0);
  }

  @Test
  @Order(5)
  void retentionDeletesRecordingsOlderThanItsDaysWithTheirBlobsAndKeepsYoungerOnes()
      throws Exception {
    KillableServer app = server(RETENTION_DAYS);
    UUID expired = created(post(app));
    UUID kept = created(post(app));
    age(kept, Duration.ofDays(RETENTION_DAYS - 1));
    age(expired, Duration.ofDays(RETENTION_DAYS + 1));

    awaitTrue(() -> !recordingExists(expired), Duration.ofSeconds(30), "expired recording gone");

    assertThat(count("SELECT count(*) FROM predictions WHERE recording_id = '" + expired + "'"))
        .isZero();
    awaitTrue(
        () -> !Files.exists(audio.resolve("recordings/" + expired)),
        Duration.ofSeconds(10),
        "expired recording's blob gone");
    assertThat(recordingExists(kept)).isTrue();
    assertThat(count("SELECT count(*) FROM predictions WHERE recording_id = '" + kept + "'"))
        .isEqualTo(1);
    assertThat(audio.resolve("recordings/" + kept)).exists();
  }

  /** The server with this retention, started (or restarted) if the running one has another. */
  private static KillableServer server(int retentionDays) {
    if (server != null && serverRetentionDays == retentionDays) {
      return server;
    }
    if (server != null) {
      server.close();
    }
    server =
        KillableServer.start(
            war,
            Workspace.environment(
                postgres,
                work,
                "admin-password-for-fault-tests",
                Map.of(
                    "SER_ANALYSIS_MAX_CONCURRENT_PER_CLIENT",
                    Integer.toString(2 * CLIENTS),
                    "SER_HOUSEKEEPING_INTERVAL",
                    "PT1S",
                    "SER_HOUSEKEEPING_ORPHAN_GRACE",
                    ORPHAN_GRACE.toString(),
                    "SER_RETENTION_DAYS",
                    Integer.toString(retentionDays),
                    // These tests age anonymous uploads by days; their own 24 h would take them
                    // first.
                    "SER_RETENTION_ANONYMOUS_HOURS",
                    "0")),
            work.resolve("server.log"));
    serverRetentionDays = retentionDays;
    System.out.printf(
        "fault-test server (retention %d days) ready in %.1f s%n",
        retentionDays, server.startup().toMillis() / 1000.0);
    return server;
  }

  private static Reply post(KillableServer app) {
    return send(
        HttpRequest.newBuilder(app.uri("api/v1/predictions"))
            .header("Content-Type", "audio/wav")
            .POST(HttpRequest.BodyPublishers.ofByteArray(wav)));
  }

  private static Reply get(KillableServer app, String path) {
    return send(HttpRequest.newBuilder(app.uri(path)).GET());
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static UUID created(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return UUID.fromString(reply.json().get("id").asText());
  }

  /** Moves a recording's creation back, as if it had been uploaded {@code age} ago. */
  private static void age(UUID recording, Duration age) throws SQLException {
    try (Connection db = postgres.connect();
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE recordings SET created_at = now() - make_interval(secs => ?) WHERE id = ?")) {
      update.setLong(1, age.toSeconds());
      update.setObject(2, recording);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  /**
   * A blob no row points at, last written {@code age} ago, as a crash leaves one: between the blob
   * and its rows (no prefix), or in the middle of writing it (the local store's {@code .tmp-}).
   */
  private static Path plantBlob(String prefix, Duration age) throws IOException {
    Path blob = audio.resolve("recordings/" + prefix + UUID.randomUUID());
    Files.createDirectories(blob.getParent());
    Files.write(blob, wav);
    Files.setLastModifiedTime(blob, FileTime.from(Instant.now().minus(age)));
    return blob;
  }

  private static boolean recordingExists(UUID id) {
    return count("SELECT count(*) FROM recordings WHERE id = '" + id + "'") > 0;
  }

  private static long count(String sql) {
    try (Connection db = postgres.connect();
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static Set<UUID> recordingIds() throws SQLException {
    Set<UUID> ids = new HashSet<>();
    try (Connection db = postgres.connect();
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM recordings")) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private static Set<String> recordingBlobKeys() {
    return stringsOf("SELECT blob_key FROM recordings");
  }

  /** Keys of every blob any row points at: recordings and library samples. */
  private static Set<String> referencedKeys() {
    return stringsOf(
        "SELECT blob_key FROM recordings UNION SELECT blob_key FROM sample_recordings");
  }

  private static Set<String> stringsOf(String sql) {
    Set<String> values = new HashSet<>();
    try (Connection db = postgres.connect();
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return values;
  }

  /** The blob store's keys as files on disk; hidden temporary files are not objects. */
  private static Set<String> blobKeys() {
    if (!Files.isDirectory(audio)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(audio)) {
      return files
          .filter(Files::isRegularFile)
          .filter(path -> !path.getFileName().toString().startsWith("."))
          .map(path -> audio.relativize(path).toString())
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long halfWrittenFiles() {
    try (Stream<Path> files = Files.walk(audio)) {
      return files.filter(path -> path.getFileName().toString().startsWith(".tmp-")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> orphanKeys() {
    Set<String> orphans = new HashSet<>(blobKeys());
    orphans.removeAll(referencedKeys());
    return orphans;
  }

  private static void awaitTrue(BooleanSupplier condition, Duration within, String what) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within + ": " + what + dump());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String dump() {
    Map<String, Object> state = new TreeMap<>();
    state.put("orphans", orphanKeys());
    state.put("log", server == null ? "no server" : server.log());
    return " " + state;
  }
}
