package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Jobs on two instances of the application sharing one PostgreSQL and one audio store, as behind
 * Azure's load balancer: a job whose instance is killed mid-way is finished by the other, and jobs
 * posted to both are each done exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsFailoverIT {
  private static final Duration DONE_WITHIN = Duration.ofSeconds(300);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static Path work;
  private static Path war;
  private static RestartablePostgres postgres;
  private static final List<KillableServer> servers = new ArrayList<>();

  @BeforeAll
  static void startDatabase() throws IOException {
    work = Workspace.create("it-jobs-");
    war = Workspace.copyWar(work);
    postgres = RestartablePostgres.create(work.resolve("postgres"));
  }

  @AfterAll
  static void stopEverything() throws IOException {
    servers.forEach(KillableServer::close);
    if (postgres != null) {
      postgres.close();
    }
    Workspace.deleteRecursively(work.resolve("postgres"));
    Workspace.deleteRecursively(work.resolve("data"));
    Files.deleteIfExists(war);
  }

  /**
   * Six 90 s recordings on instance A, killed (SIGKILL) once the first is done; instance B, started
   * afterwards, takes the job over when A's heartbeats stop and finishes it: all six analysed, the
   * job started twice, the files A finished not analysed again.
   */
  @Test
  @Order(1)
  void aJobWhoseInstanceIsKilledMidwayIsFinishedByAnother() throws Exception {
    KillableServer a = start("a");
    byte[] ninetySeconds = speechFor(90);
    List<Api.Part> files = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      files.add(new Api.Part("call-" + i + ".wav", "audio/wav", ninetySeconds));
    }
    JsonNode accepted = post(a, files);
    String id = accepted.get("id").asText();
    JsonNode seen = await(a, id, job -> job.get("progress").asDouble() > 0);
    assertThat(seen.get("state").asText()).as("still running when killed").isEqualTo("running");

    a.kill();
    KillableServer b = start("b");
    JsonNode job = await(b, id, j -> j.get("state").asText().equals("done"));

    assertThat(job.get("predictions")).hasSize(6);
    assertThat(distinct(job.get("predictions"))).hasSize(6);
    assertThat(count("SELECT attempts FROM jobs WHERE id = '" + id + "'")).isEqualTo(2);
    // At most the file A was storing at the instant it died can have been analysed twice.
    assertThat(count("SELECT count(*) FROM recordings")).isBetween(6L, 7L);
    assertThat(count("SELECT count(*) FROM scheduled_tasks")).isZero();
  }

  /**
   * Twenty jobs of two files posted alternately to A and B: every one done once (one attempt each,
   * one recording per file), and the throughput printed.
   */
  @Test
  @Order(2)
  void jobsPostedToTwoInstancesAreEachDoneExactlyOnce() throws Exception {
    KillableServer a = start("a2");
    KillableServer b =
        servers.stream()
            .filter(s -> s != a)
            .filter(KillableServer::isAlive)
            .findFirst()
            .orElseGet(() -> start("b2"));
    long recordingsBefore = count("SELECT count(*) FROM recordings");
    byte[] speech = Api.resource("speech_16k.wav");
    List<String> ids = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      KillableServer to = i % 2 == 0 ? a : b;
      ids.add(
          post(
                  to,
                  List.of(
                      new Api.Part("one.wav", "audio/wav", speech),
                      new Api.Part("two.wav", "audio/wav", speech)))
              .get("id")
              .asText());
    }
    Set<String> predictions = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      KillableServer from = i % 2 == 0 ? b : a;
      JsonNode job = await(from, ids.get(i), j -> j.get("state").asText().equals("done"));
      job.get("predictions").forEach(p -> predictions.add(p.asText()));
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(predictions).hasSize(40);
    assertThat(count("SELECT count(*) FROM recordings") - recordingsBefore).isEqualTo(40);
    assertThat(
            count(
                "SELECT count(*) FROM jobs WHERE attempts = 1 AND state = 'DONE' AND id IN ("
                    + String.join(",", ids.stream().map(id -> "'" + id + "'").toList())
                    + ")"))
        .isEqualTo(20);
    System.out.printf(
        "jobs on two instances: 20 jobs, 40 files of %.1f s in %.1f s: %.1f files/s%n",
        speech.length / 32_000.0, seconds, 40 / seconds);
  }

  private static KillableServer start(String name) {
    KillableServer server =
        KillableServer.start(
            war,
            Workspace.environment(
                postgres,
                work,
                "admin-password-for-job-tests",
                Map.of(
                    "SER_JOBS_HEARTBEAT",
                    "PT1S",
                    "SER_JOBS_THREADS",
                    "1",
                    // Twenty jobs from this one address are posted faster than they finish.
                    "SER_JOBS_MAX_UNFINISHED_PER_CLIENT",
                    "100")),
            work.resolve("server-" + name + ".log"));
    servers.add(server);
    return server;
  }

  private static JsonNode post(KillableServer server, List<Api.Part> files) throws Exception {
    String boundary = "----ser" + UUID.randomUUID();
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(server.uri("api/v1/jobs"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Api.multipart(boundary, files)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return Api.JSON.readTree(response.body());
  }

  private static JsonNode await(
      KillableServer server, String id, java.util.function.Predicate<JsonNode> until)
      throws Exception {
    long deadline = System.nanoTime() + DONE_WITHIN.toNanos();
    URI uri = server.uri("api/v1/jobs/" + id);
    while (true) {
      HttpResponse<String> response =
          HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode job = Api.JSON.readTree(response.body());
      if (until.test(job)) {
        return job;
      }
      assertThat(job.get("state").asText()).as("job %s", id).isNotEqualTo("failed");
      assertThat(System.nanoTime()).as("job %s in time", id).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** {@code seconds} of speech_16k.wav over and over, 16 kHz mono 16-bit WAV. */
  private static byte[] speechFor(int seconds) {
    byte[] wav = Api.resource("speech_16k.wav");
    ByteBuffer pcm = ByteBuffer.wrap(wav, 44, wav.length - 44).slice();
    int frames = seconds * 16_000;
    ByteBuffer out = ByteBuffer.allocate(44 + 2 * frames).order(ByteOrder.LITTLE_ENDIAN);
    out.put(wav, 0, 44);
    out.putInt(4, 36 + 2 * frames).putInt(40, 2 * frames);
    for (int i = 0; i < 2 * frames; i++) {
      out.put(pcm.get(i % pcm.capacity()));
    }
    return out.array();
  }

  private static Set<String> distinct(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static long count(String sql) throws SQLException {
    try (Connection db = postgres.connect();
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
