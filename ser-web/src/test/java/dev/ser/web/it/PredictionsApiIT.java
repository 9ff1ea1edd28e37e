package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  void ownerSharesAPredictionWhoseLinkOpensForAnyoneUntilUnsharedOrDeleted() {
    String owner = api.newUserToken();
    String id =
        api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), owner)
            .json()
            .get("id")
            .asText();
    String share = "api/v1/predictions/" + id + "/share";

    Api.Answer first = api.postRaw(share, "application/json", new byte[0], owner);
    assertThat(first.status()).isEqualTo(201);
    String link = first.json().get("url").asText();
    assertThat(link).matches("http://[^/]+/shared\\.xhtml\\?key=[A-Za-z0-9_-]{43}");
    assertThat(first.headers().firstValue("Location")).hasValue(link);
    String key = link.substring(link.indexOf("key=") + 4);
    assertThat(api.send(HttpRequest.newBuilder(URI.create(link))).status()).isEqualTo(200);
    assertThat(api.get("media/shared/" + key + "/audio", null).status()).isEqualTo(200);

    String second =
        api.postRaw(share, "application/json", new byte[0], owner).json().get("url").asText();
    assertThat(second).as("sharing again replaces the link").isNotEqualTo(link);
    assertThat(api.get("media/shared/" + key + "/audio", null).status()).isEqualTo(404);
    assertThat(api.send(HttpRequest.newBuilder(URI.create(link))).status()).isEqualTo(404);

    assertThat(api.delete(share, owner).status()).isEqualTo(204);
    assertThat(api.send(HttpRequest.newBuilder(URI.create(second))).status()).isEqualTo(404);
    assertThat(api.delete(share, owner).status()).as("stopping twice is no error").isEqualTo(204);

    String third =
        api.postRaw(share, "application/json", new byte[0], owner).json().get("url").asText();
    assertThat(api.delete("api/v1/predictions/" + id, owner).status()).isEqualTo(204);
    assertThat(api.send(HttpRequest.newBuilder(URI.create(third))).status())
        .as("deleting the prediction deletes its link")
        .isEqualTo(404);
    assertThat(api.postRaw(share, "application/json", new byte[0], null).status()).isEqualTo(401);
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

  private static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "created_at",
          "source",
          "filename",
          "model_version",
          "duration_seconds",
          "row",
          "start",
          "end",
          "emotion",
          "confidence",
          "anger",
          "disgust",
          "fear",
          "happy",
          "neutral",
          "sad",
          "channel");

  private static final String[] LABELS = {"anger", "disgust", "fear", "happy", "neutral", "sad"};

  @Test
  void csvOfAPredictionHoldsItsClipItsSegmentsAndItsWindows() {
    String token = api.newUserToken();
    String id =
        api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), token)
            .json()
            .get("id")
            .asText();
    JsonNode json = api.get("api/v1/predictions/" + id, token).json();

    Api.Answer answer = api.get("api/v1/predictions/" + id, token, "text/csv");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(answer.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"ser-" + id + ".csv\"");
    List<Map<String, String>> rows = csvRows(answer.body());
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("id")).isEqualTo(id);
              assertThat(row.get("created_at")).isEqualTo(json.get("createdAt").asText());
              assertThat(row.get("source")).isEqualTo("upload");
              assertThat(row.get("filename")).isEqualTo("speech.wav");
              assertThat(row.get("model_version")).isEqualTo(json.get("modelVersion").asText());
              assertThat(row.get("channel")).isEmpty();
            });
    List<Map<String, String>> clips = ofKind(rows, "clip");
    assertThat(clips).hasSize(1);
    assertSameResult(clips.get(0), json);
    assertThat(number(clips.get(0), "start")).isZero();
    assertThat(number(clips.get(0), "end")).isEqualTo(json.get("durationSeconds").asDouble());
    assertSameStretches(ofKind(rows, "segment"), json.get("segments"));
    assertSameStretches(ofKind(rows, "window"), json.get("timeline"));
    assertThat(rows).hasSize(1 + json.get("segments").size() + json.get("timeline").size());
  }

  @Test
  void csvOfAStereoCallAnalysedPerChannelNumbersEachChannelsRows() {
    String token = api.newUserToken();
    String id =
        api.postRaw("api/v1/predictions?channels=separate", "audio/wav", Api.stereoCall(6), token)
            .json()
            .get("id")
            .asText();
    JsonNode json = api.get("api/v1/predictions/" + id, token).json();

    List<Map<String, String>> rows =
        csvRows(api.get("api/v1/predictions/" + id, token, "text/csv").body());

    List<Map<String, String>> mean = inChannel(rows, "");
    assertThat(mean).as("the channels' mean, and nothing else, without a channel").hasSize(1);
    assertSameResult(mean.get(0), json);
    assertThat(json.get("channels")).hasSize(2);
    for (JsonNode channel : json.get("channels")) {
      List<Map<String, String>> own = inChannel(rows, channel.get("channel").asText());
      assertThat(ofKind(own, "clip")).hasSize(1);
      assertSameResult(ofKind(own, "clip").get(0), channel);
      assertSameStretches(ofKind(own, "segment"), channel.get("segments"));
      assertSameStretches(ofKind(own, "window"), channel.get("timeline"));
      assertThat(ofKind(own, "window")).as("10.9 s is several windows").isNotEmpty();
    }
  }

  @Test
  void historyCsvHoldsEveryRecordingOfTheUserAndPagesAsTheJsonDoes() {
    String token = api.newUserToken();
    api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), token);
    api.postRaw("audio/mpeg", Api.resource("speech_16k.mp3"), token);
    JsonNode items = api.get("api/v1/predictions", token).json().get("items");
    assertThat(items).hasSize(2);

    Api.Answer all = api.get("api/v1/predictions", token, "text/csv");

    assertThat(all.status()).isEqualTo(200);
    assertThat(all.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"ser-history.csv\"");
    List<Map<String, String>> rows = csvRows(all.body());
    assertThat(rows.stream().map(row -> row.get("id")).distinct())
        .as("every recording of the user, newest first")
        .containsExactly(items.get(0).get("id").asText(), items.get(1).get("id").asText());
    for (JsonNode item : items) {
      List<Map<String, String>> own =
          rows.stream().filter(row -> row.get("id").equals(item.get("id").asText())).toList();
      assertSameResult(ofKind(own, "clip").get(0), item);
      assertThat(ofKind(own, "segment")).hasSize(item.get("segments").size());
      assertThat(ofKind(own, "window")).hasSize(item.get("timeline").size());
    }
    List<Map<String, String>> secondPage =
        csvRows(api.get("api/v1/predictions?page=1&size=1", token, "text/csv").body());
    assertThat(secondPage.stream().map(row -> row.get("id")).distinct())
        .containsExactly(items.get(1).get("id").asText());
    assertThat(api.get("api/v1/predictions?size=1000", token, "text/csv").status()).isEqualTo(400);
    assertThat(csvRows(api.get("api/v1/predictions", api.newUserToken(), "text/csv").body()))
        .as("another user's history: the header alone")
        .isEmpty();
  }

  @Test
  void linksAskForAFormatAndADownloadInTheQuery() {
    String token = api.newUserToken();
    String id =
        api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), token)
            .json()
            .get("id")
            .asText();

    Api.Answer json = api.get("api/v1/predictions/" + id + "?format=json&download=1", token);
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().get("id").asText()).isEqualTo(id);
    assertThat(json.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"ser-" + id + ".json\"");
    assertThat(
            api.get("api/v1/predictions/" + id, token).headers().firstValue("Content-Disposition"))
        .as("plain API reads are not downloads")
        .isEmpty();

    Api.Answer csv = api.get("api/v1/predictions/" + id + "?format=csv", token, "application/json");
    assertThat(csv.headers().firstValue("Content-Type"))
        .as("the parameter overrides Accept")
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(csvRows(csv.body())).isNotEmpty();

    Api.Answer history = api.get("api/v1/predictions?format=json&download=1", token);
    assertThat(history.json().get("total").asLong()).isEqualTo(1);
    assertThat(history.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"ser-history.json\"");

    Api.Answer badDownload = api.get("api/v1/predictions/" + id + "?download=maybe", token);
    assertThat(badDownload.status()).isEqualTo(400);
    assertThat(badDownload.json().get("error").asText()).isEqualTo("invalid_download");
  }

  @Test
  void askingForNeitherJsonNorCsvIs406AndErrorsStayJson() {
    String token = api.newUserToken();
    String id =
        api.postMultipart("speech.wav", "audio/wav", Api.resource("speech_16k.wav"), token)
            .json()
            .get("id")
            .asText();

    for (Api.Answer refused :
        List.of(
            api.get("api/v1/predictions/" + id, token, "image/png"),
            api.get("api/v1/predictions", token, "image/png"),
            api.get("api/v1/predictions/" + id + "?format=xml", token))) {
      assertThat(refused.status()).isEqualTo(406);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(refused.json().get("error").asText()).isEqualTo("not_acceptable");
      assertThat(refused.json().get("message").asText()).contains("csv");
    }
    Api.Answer missing = api.get("api/v1/predictions/" + UUID.randomUUID(), token, "text/csv");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("not_found");
    assertThat(api.get("api/v1/predictions", null, "text/csv").status()).isEqualTo(401);
  }

  /** The clip-level result of a CSV row equals the JSON's: emotion, confidence, probabilities. */
  private static void assertSameResult(Map<String, String> row, JsonNode json) {
    assertThat(row.get("row")).isEqualTo("clip");
    assertThat(row.get("emotion")).isEqualTo(json.get("emotion").asText());
    assertThat(number(row, "confidence")).isEqualTo(json.get("confidence").asDouble());
    for (String label : LABELS) {
      assertThat(number(row, label))
          .as(label)
          .isEqualTo(json.get("probabilities").get(label).asDouble());
    }
  }

  /** One row per JSON segment or window, in its order, with its times and scores. */
  private static void assertSameStretches(List<Map<String, String>> rows, JsonNode stretches) {
    assertThat(rows).hasSize(stretches.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      JsonNode stretch = stretches.get(i);
      assertThat(number(row, "start")).isEqualTo(stretch.get("start").asDouble());
      assertThat(number(row, "end")).isEqualTo(stretch.get("end").asDouble());
      assertThat(row.get("emotion")).isEqualTo(stretch.get("emotion").asText());
      assertThat(number(row, "confidence")).isEqualTo(stretch.get("confidence").asDouble());
      for (String label : LABELS) {
        assertThat(number(row, label))
            .isEqualTo(stretch.get("probabilities").get(label).asDouble());
      }
    }
  }

  private static List<Map<String, String>> ofKind(List<Map<String, String>> rows, String kind) {
    return rows.stream().filter(row -> row.get("row").equals(kind)).toList();
  }

  private static List<Map<String, String>> inChannel(
      List<Map<String, String>> rows, String channel) {
    return rows.stream().filter(row -> row.get("channel").equals(channel)).toList();
  }

  private static double number(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  /** The rows of a CSV answer after its header, which must be {@link #CSV_COLUMNS}, by column. */
  private static List<Map<String, String>> csvRows(String csv) {
    List<List<String>> records = parseCsv(csv);
    assertThat(records.get(0)).isEqualTo(CSV_COLUMNS);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      assertThat(record).hasSameSizeAs(CSV_COLUMNS);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < record.size(); i++) {
        row.put(CSV_COLUMNS.get(i), record.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * A strict RFC 4180 reader, independent of the server's writer: every record ends in CRLF, a
   * field is either bare (no comma, quote, CR or LF) or quoted with its quotes doubled.
   */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '"') {
        i++;
        while (!(text.charAt(i) == '"' && !text.startsWith("\"\"", i))) {
          if (text.startsWith("\"\"", i)) {
            field.append('"');
            i += 2;
          } else {
            field.append(text.charAt(i++));
          }
        }
        i++;
      } else {
        while (i < text.length() && ",\r\n\"".indexOf(text.charAt(i)) < 0) {
          field.append(text.charAt(i++));
        }
      }
      record.add(field.toString());
      field.setLength(0);
      if (text.startsWith("\r\n", i)) {
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else if (i < text.length() && text.charAt(i) == ',') {
        i++;
      } else {
        throw new AssertionError("expected a comma or CRLF at " + i + " of: " + text);
      }
    }
    assertThat(record).as("the last record ends in CRLF").isEmpty();
    return records;
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
        .contains("separate")
        .as("predictions come as CSV too")
        .contains("text/csv")
        .as("the multipart upload of the README's curl example, with its 'file' field")
        .contains("multipart/form-data")
        .contains("format: binary")
        .as("errors are described with their JSON body")
        .contains("ErrorJson")
        .as("the server is where the document was fetched from")
        .contains("servers:\n- url: /\n")
        .as("every response is described")
        .doesNotContain("Default Response");
    List<String> operationIds = new ArrayList<>();
    Matcher ids = Pattern.compile("operationId: (\\S+)").matcher(openapi.body());
    while (ids.find()) {
      operationIds.add(ids.group(1));
    }
    assertThat(operationIds)
        .as("every operation has its own id")
        .doesNotHaveDuplicates()
        .contains(
            "createPrediction",
            "getPrediction",
            "sharePrediction",
            "unsharePrediction",
            "createJob",
            "getJob",
            "getModel");
  }
}
