package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST API against the real app: status codes, JSON, and what ends up in the database. */
class PredictionsApiIT {
  private final Api api = new Api();

  @Test
  void multipartWavUploadIs201WithAStoredRealPrediction() {
    long before = api.count("SELECT count(*) FROM predictions");

    Api.Answer answer =
        api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), null);

    assertThat(answer.status()).isEqualTo(201);
    JsonNode json = answer.json();
    UUID id = UUID.fromString(json.get("id").asText());
    assertThat(answer.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/predictions/" + id));
    assertThat(json.get("emotion").asText())
        .isIn("anger", "disgust", "fear", "happy", "neutral", "sad");
    double sum = 0;
    for (String label : new String[] {"anger", "disgust", "fear", "happy", "neutral", "sad"}) {
      double p = json.get("probabilities").get(label).asDouble();
      assertThat(p).isBetween(0.0, 1.0);
      sum += p;
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(json.get("confidence").asDouble())
        .isEqualTo(json.get("probabilities").get(json.get("emotion").asText()).asDouble());
    assertThat(json.get("durationSeconds").asDouble()).isBetween(4.5, 5.2);
    assertThat(json.get("modelVersion").asText()).isNotBlank();
    assertThat(json.get("source").asText()).isEqualTo("upload");
    assertThat(api.count("SELECT count(*) FROM predictions")).isEqualTo(before + 1);
    assertThat(api.count("SELECT count(*) FROM recordings WHERE id = ? AND owner_id IS NULL", id))
        .isEqualTo(1);
    assertThat(
            api.count(
                "SELECT count(*) FROM predictions WHERE recording_id = ? AND emotion = ?",
                id,
                json.get("emotion").asText().toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(1);
    assertThat(Files.exists(api.app.audioDirectory().resolve("recordings").resolve(id.toString())))
        .isTrue();
  }

  @Test
  void rawMp3BodyIsAnalysedLikeAFile() {
    Api.Answer answer = api.postRaw("audio/mpeg", Api.resource("speech_16k.mp3"), null);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().get("durationSeconds").asDouble()).isBetween(4.5, 5.3);
  }

  @Test
  void textBodyIs415BeforeAnyDecoding() {
    Api.Answer answer = api.postRaw("text/plain", "hello".getBytes(), null);

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.json().get("error").asText()).isEqualTo("unsupported_media_type");
    assertThat(answer.json().get("message").asText()).contains("multipart form field 'file'");
  }

  @Test
  void bytesThatAreNotAudioAre415WithAClearMessage() {
    long before = api.count("SELECT count(*) FROM recordings");

    Api.Answer answer =
        api.postMultipart("notes.wav", "audio/wav", "this is not audio at all".getBytes(), null);

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.json().get("error").asText()).isEqualTo("unsupported_audio");
    assertThat(answer.json().get("message").asText()).contains("WAV");
    assertThat(api.count("SELECT count(*) FROM recordings")).isEqualTo(before);
  }

  @Test
  void emptyBodyIs400() {
    Api.Answer answer = api.postRaw("audio/wav", new byte[0], null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("empty_audio");
  }

  @Test
  void silenceIs400NoSpeech() {
    Api.Answer answer =
        api.postMultipart("silence.wav", "audio/wav", Api.resource("silence_1s.wav"), null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("silent_audio");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sine_440hz_1s.wav", "chirp_100_7000hz_3s.wav", "white_noise_2s.wav"})
  void aToneASweepAndNoiseAre400NoSpeechAndStoreNothing(String file) {
    long before = api.count("SELECT count(*) FROM recordings");

    Api.Answer answer = api.postMultipart(file, "audio/wav", Api.resource(file), null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("no_speech");
    assertThat(answer.json().get("message").asText()).contains("No speech found");
    assertThat(api.count("SELECT count(*) FROM recordings")).isEqualTo(before);
  }

  @Test
  void speechIsAnsweredWithItsSegmentsInsideTheClip() {
    String token = api.newUserToken();
    Api.Answer answer =
        api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), token);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().get("filename").asText()).isEqualTo("speech.wav");
    JsonNode segments = answer.json().get("segments");
    assertThat(segments).isNotEmpty();
    double duration = answer.json().get("durationSeconds").asDouble();
    for (JsonNode segment : segments) {
      assertThat(segment.get("start").asDouble()).isGreaterThanOrEqualTo(0);
      assertThat(segment.get("end").asDouble())
          .isGreaterThan(segment.get("start").asDouble())
          .isLessThanOrEqualTo(duration + 0.01);
      assertThat(segment.get("probabilities")).hasSize(6);
      assertThat(segment.get("confidence").asDouble()).isBetween(0.0, 1.0);
    }
    String id = answer.json().get("id").asText();
    assertThat(api.get("api/v1/predictions/" + id, token).json().get("segments"))
        .as("stored and read back")
        .isEqualTo(segments);
  }

  /**
   * A call with one speaker on the left and another answering 6 s later on the right: with {@code
   * channels=separate} each channel has its own result, its segments where its speaker talks.
   */
  @Test
  void aStereoCallAnalysedPerChannelGivesEachSpeakerTheirOwnSegments() {
    byte[] call = Api.stereoCall(6);
    double speechSeconds = Api.resource("speech_16k.wav").length / 32_000.0;
    String token = api.newUserToken();

    Api.Answer answer =
        api.postRaw("api/v1/predictions?channels=separate", "audio/wav", call, token);

    assertThat(answer.status()).isEqualTo(201);
    JsonNode channels = answer.json().get("channels");
    assertThat(channels).hasSize(2);
    assertThat(answer.json().get("segments")).isEmpty();
    JsonNode agent = channels.get(0);
    JsonNode customer = channels.get(1);
    assertThat(agent.get("channel").asInt()).isZero();
    assertThat(agent.get("speech").asBoolean()).isTrue();
    assertThat(customer.get("speech").asBoolean()).isTrue();
    double agentEnd = last(agent.get("segments")).get("end").asDouble();
    double customerStart = customer.get("segments").get(0).get("start").asDouble();
    assertThat(agentEnd).isLessThan(speechSeconds + 0.2);
    assertThat(customerStart).isGreaterThan(6.0 - 0.2);
    String id = answer.json().get("id").asText();
    assertThat(api.get("api/v1/predictions/" + id, token).json().get("channels"))
        .as("stored and read back")
        .isEqualTo(channels);

    Api.Answer mixed = api.postRaw("audio/wav", call, token);
    assertThat(mixed.json().get("channels")).isEmpty();
    assertThat(mixed.json().get("segments")).isNotEmpty();
  }

  @Test
  void anUnknownChannelsValueIs400AndStoresNothing() {
    long before = api.count("SELECT count(*) FROM recordings");

    Api.Answer answer =
        api.postRaw(
            "api/v1/predictions?channels=both", "audio/wav", Api.resource("speech_16k.wav"), null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_channels");
    assertThat(api.count("SELECT count(*) FROM recordings")).isEqualTo(before);
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  @Test
  void bodyOverTheUploadLimitIs413() {
    byte[] big = new byte[(int) RunningApp.UPLOAD_LIMIT_BYTES + 1024 * 1024];

    Api.Answer answer = api.postRaw("audio/wav", big, null);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("error").asText()).isEqualTo("upload_too_large");
  }

  @Test
  void unknownAndMalformedIdsAre404() {
    String token = api.newUserToken();

    assertThat(api.get("api/v1/predictions/" + UUID.randomUUID(), token).status()).isEqualTo(404);
    Api.Answer malformed = api.get("api/v1/predictions/not-a-uuid", token);
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.json().get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void historyWithoutTokenIs401AndWithAForgedTokenToo() {
    assertThat(api.get("api/v1/predictions", null).status()).isEqualTo(401);
    Api.Answer forged = api.get("api/v1/predictions", "ser_" + "A".repeat(43));
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.json().get("error").asText()).isEqualTo("unauthorized");
    assertThat(api.get("api/v1/predictions", "not-even-a-token").status()).isEqualTo(401);
  }

  @Test
  void ownerReadsListsAndDeletesTheirPredictionAndTheAudioGoesWithIt() {
    String token = api.newUserToken();
    Api.Answer created =
        api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), token);
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();

    Api.Answer read = api.get("api/v1/predictions/" + id, token);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("emotion").asText())
        .isEqualTo(created.json().get("emotion").asText());

    Api.Answer list = api.get("api/v1/predictions?page=0&size=10", token);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get("total").asLong()).isEqualTo(1);
    assertThat(list.json().get("items").get(0).get("id").asText()).isEqualTo(id);

    assertThat(api.delete("api/v1/predictions/" + id, token).status()).isEqualTo(204);
    assertThat(api.get("api/v1/predictions/" + id, token).status()).isEqualTo(404);
    assertThat(api.count("SELECT count(*) FROM recordings WHERE id = ?", UUID.fromString(id)))
        .isZero();
    assertThat(
            api.count(
                "SELECT count(*) FROM predictions WHERE recording_id = ?", UUID.fromString(id)))
        .isZero();
    assertThat(Files.exists(api.app.audioDirectory().resolve("recordings").resolve(id))).isFalse();
  }

  @Test
  void anotherUsersPredictionIsNotFoundAndCannotBeDeleted() {
    String owner = api.newUserToken();
    String stranger = api.newUserToken();
    String id =
        api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), owner)
            .json()
            .get("id")
            .asText();

    assertThat(api.get("api/v1/predictions/" + id, stranger).status()).isEqualTo(404);
    assertThat(api.delete("api/v1/predictions/" + id, stranger).status()).isEqualTo(404);
    assertThat(api.get("api/v1/predictions/" + id, owner).status()).isEqualTo(200);
    assertThat(api.get("api/v1/predictions", stranger).json().get("total").asLong()).isZero();
  }

  @Test
  void ownerStreamsTheStoredAudioWithRangesAndStrangersGet404() {
    String token = api.newUserToken();
    byte[] wav = Api.resource("speech_16k.wav");
    String id = api.postMultipart("speech.wav", "audio/wav", wav, token).json().get("id").asText();
    String audio = "media/recordings/" + id + "/audio";

    Api.Answer whole = api.get(audio, token);
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("audio/wav"));
    assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(wav.length);

    Api.Answer part =
        api.send(
            api.request(audio)
                .header("Authorization", "Bearer " + token)
                .header("Range", "bytes=0-99"));
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + wav.length);
    assertThat(part.headers().firstValueAsLong("Content-Length")).hasValue(100);
    assertThat(part.body()).startsWith("RIFF");

    assertThat(api.get(audio, api.newUserToken()).status()).isEqualTo(404);
    assertThat(api.get(audio, null).status()).isEqualTo(404);
    assertThat(api.get("media/recordings/" + id + "/waveform.png", token).status()).isEqualTo(200);
  }

  @Test
  void anonymousPredictionCannotBeReadBackWithoutItsSession() {
    String id =
        api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), null)
            .json()
            .get("id")
            .asText();

    assertThat(api.get("api/v1/predictions/" + id, api.newUserToken()).status()).isEqualTo(404);
  }

  @Test
  void badPageSizeIs400() {
    Api.Answer answer = api.get("api/v1/predictions?size=1000", api.newUserToken());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("bad_page");
  }

  @Test
  void unknownApiPathIsJson404() {
    Api.Answer answer = api.get("api/v1/nothing-here", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void modelCardNamesTheModelThatAnswers() {
    Api.Answer model = api.get("api/v1/model", null);

    assertThat(model.status()).isEqualTo(200);
    assertThat(model.json().get("labels").toString())
        .isEqualTo("[\"anger\",\"disgust\",\"fear\",\"happy\",\"neutral\",\"sad\"]");
    String version = model.json().get("version").asText();
    assertThat(
            api.postRaw("audio/wav", Api.resource("speech_16k.wav"), null)
                .json()
                .get("modelVersion")
                .asText())
        .isEqualTo(version);
  }

  @Test
  void healthIsUpAndOpenApiDescribesPredictions() {
    Api.Answer ready = api.get("health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("UP");

    Api.Answer openapi = api.get("openapi", null);
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/v1/predictions")
        .contains("bearer")
        .as("the channels query parameter is documented")
        .contains("channels")
        .contains("separate");
    List<String> operationIds = new ArrayList<>();
    Matcher ids = Pattern.compile("operationId: (\\S+)").matcher(openapi.body());
    while (ids.find()) {
      operationIds.add(ids.group(1));
    }
    assertThat(operationIds)
        .as("every operation has its own id")
        .doesNotHaveDuplicates()
        .contains("createPrediction", "getPrediction", "createJob", "getJob", "getModel");
  }
}
