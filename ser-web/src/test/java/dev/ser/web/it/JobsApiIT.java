package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/jobs} on the running application: batches analysed in the background. */
class JobsApiIT {
  private static final Duration DONE_WITHIN = Duration.ofSeconds(120);

  private final Api api = new Api();
  private final byte[] speech = Api.resource("speech_16k.wav");
  private final byte[] tone = Api.resource("sine_440hz_1s.wav");

  @Test
  void aBatchOfFilesIsQueuedThenDoneWithAPredictionPerSpeechFileAndAnErrorForTheTone() {
    String token = api.newUserToken();

    Api.Answer accepted =
        api.postFiles(
            "api/v1/jobs",
            List.of(
                new Api.Part("first.wav", "audio/wav", speech),
                new Api.Part("tone.wav", "audio/wav", tone),
                new Api.Part("second.mp3", "audio/mpeg", Api.resource("speech_16k.mp3"))),
            token);

    assertThat(accepted.status()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    String id = accepted.json().get("id").asText();
    assertThat(location).endsWith("/api/v1/jobs/" + id);
    assertThat(accepted.json().get("state").asText()).isIn("queued", "running", "done");

    JsonNode job = awaitFinished(id, token);

    assertThat(job.get("state").asText()).isEqualTo("done");
    assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
    JsonNode files = job.get("files");
    assertThat(files).hasSize(3);
    assertThat(files.get(0).get("name").asText()).isEqualTo("first.wav");
    assertThat(files.get(0).get("state").asText()).isEqualTo("done");
    assertThat(files.get(1).get("state").asText()).isEqualTo("failed");
    assertThat(files.get(1).get("error").get("error").asText()).isEqualTo("no_speech");
    assertThat(files.get(2).get("state").asText()).isEqualTo("done");
    assertThat(job.get("predictions")).hasSize(2);
    for (JsonNode prediction : job.get("predictions")) {
      Api.Answer read = api.get("api/v1/predictions/" + prediction.asText(), token);
      assertThat(read.status()).as("the job's predictions are the owner's").isEqualTo(200);
    }
    assertThat(
            api.count(
                "SELECT count(*) FROM recordings WHERE owner_id IS NOT NULL"
                    + " AND id::text IN (?, ?)",
                job.get("predictions").get(0).asText(),
                job.get("predictions").get(1).asText()))
        .isEqualTo(2);
    assertThat(api.get("api/v1/jobs/" + id, api.newUserToken()).status())
        .as("another account's job is not found")
        .isEqualTo(404);
    assertThat(api.get("api/v1/jobs/" + id, null).status()).isEqualTo(404);
    assertThat(api.count("SELECT count(*) FROM jobs WHERE id::text = ? AND attempts = 1", id))
        .isEqualTo(1);
  }

  @Test
  void anAnonymousRawBodyJobIsReadableByItsId() {
    Api.Answer accepted = api.postRaw("api/v1/jobs", "audio/wav", speech, null);

    assertThat(accepted.status()).isEqualTo(202);
    JsonNode job = awaitFinished(accepted.json().get("id").asText(), null);
    assertThat(job.get("state").asText()).isEqualTo("done");
    assertThat(job.get("files").get(0).get("emotion").asText()).isNotEmpty();
    assertThat(job.get("files").get(0).get("confidence").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void aJobOfOnlyRefusedFilesFailsWithTheirError() {
    Api.Answer accepted = api.postRaw("api/v1/jobs", "audio/wav", tone, null);

    JsonNode job = awaitFinished(accepted.json().get("id").asText(), null);

    assertThat(job.get("state").asText()).isEqualTo("failed");
    assertThat(job.get("error").get("error").asText()).isEqualTo("no_speech");
  }

  @Test
  void theCallbackGetsTheFinishedJob() throws Exception {
    BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    hook.start();
    try {
      String callback = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
      Api.Answer accepted =
          api.postRaw("api/v1/jobs?callback=" + callback, "audio/wav", speech, null);
      assertThat(accepted.status()).isEqualTo(202);

      String body = received.poll(DONE_WITHIN.toSeconds(), TimeUnit.SECONDS);

      assertThat(body).as("the callback was called").isNotNull();
      JsonNode job = Api.JSON.readTree(body);
      assertThat(job.get("id").asText()).isEqualTo(accepted.json().get("id").asText());
      assertThat(job.get("state").asText()).isEqualTo("done");
      assertThat(job.get("predictions")).hasSize(1);
    } finally {
      hook.stop(0);
    }
  }

  @Test
  void badJobsAreRefusedWithAJsonErrorAndStoreNothing() throws IOException {
    long before = api.count("SELECT count(*) FROM jobs");

    Api.Answer otherHost =
        api.postRaw("api/v1/jobs?callback=http://localhost:9/hook", "audio/wav", speech, null);
    Api.Answer badChannels = api.postRaw("api/v1/jobs?channels=both", "audio/wav", speech, null);
    Api.Answer noFile = api.postFiles("api/v1/jobs", List.of(), null);
    Api.Answer notAudio =
        api.postFiles(
            "api/v1/jobs",
            List.of(
                new Api.Part("a.wav", "audio/wav", speech),
                new Api.Part("notes.txt", "text/plain", "notes".getBytes(StandardCharsets.UTF_8))),
            null);

    assertThat(otherHost.status()).isEqualTo(400);
    assertThat(otherHost.json().get("error").asText()).isEqualTo("callback_not_allowed");
    assertThat(badChannels.json().get("error").asText()).isEqualTo("invalid_channels");
    assertThat(noFile.status()).as("a multipart body without parts").isEqualTo(400);
    assertThat(noFile.json().get("error").asText()).isIn("missing_file", "bad_request");
    assertThat(notAudio.status()).isEqualTo(415);
    assertThat(api.count("SELECT count(*) FROM jobs")).isEqualTo(before);
    assertThat(api.get("api/v1/jobs/not-a-job", null).status()).isEqualTo(404);
  }

  private JsonNode awaitFinished(String id, String token) {
    long deadline = System.nanoTime() + DONE_WITHIN.toNanos();
    while (true) {
      Api.Answer answer = api.get("api/v1/jobs/" + id, token);
      assertThat(answer.status()).isEqualTo(200);
      String state = answer.json().get("state").asText();
      if (state.equals("done") || state.equals("failed")) {
        return answer.json();
      }
      assertThat(System.nanoTime()).as("job %s finished in time", id).isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
