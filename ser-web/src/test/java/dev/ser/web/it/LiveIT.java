package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/live} on the running application, with the JDK's WebSocket client: updates while
 * audio arrives, a final result equal to uploading the same audio, resampling, who may keep a
 * recording, and every error and bound of the protocol (docs/live.md).
 */
class LiveIT {
  private static final List<String> EMOTIONS =
      List.of("anger", "disgust", "fear", "happy", "neutral", "sad");

  private final Api api = new Api();
  private final URI live = api.uri("api/v1/live");

  /** {@code speech_16k.wav}, 2 s of quiet, and the speech again: 11.7 s of 16 kHz mono PCM. */
  private final byte[] call = concat(Api.speechPcm(), quiet(16_000, 1, 2.0), Api.speechPcm());

  @Test
  void aStreamIsReadEverySecondAndItsFinalResultIsTheUploadOfTheSameAudio() {
    String token = api.newUserToken();
    Api.Answer upload = api.postRaw("audio/wav", Api.wav(16_000, 1, call), token);
    assertThat(upload.status()).isEqualTo(201);

    List<JsonNode> messages;
    try (LiveSocket socket = open(bearer(token))) {
      socket.text("{\"store\": true}").stream(call, 3_200).text("{\"end\": true}");
      messages = socket.untilClosed(60);
      assertThat(socket.awaitClose(1).code()).isEqualTo(1000);
    }

    List<JsonNode> updates = messages.subList(0, messages.size() - 1);
    assertThat(updates)
        .extracting(m -> m.get("t").asDouble())
        .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0);
    assertThat(updates).anyMatch(m -> m.get("speech").asBoolean());
    for (JsonNode update : updates) {
      if (update.get("speech").asBoolean()) {
        assertThat(EMOTIONS).contains(update.get("emotion").asText());
        assertThat(update.get("probabilities").size()).isEqualTo(6);
        assertThat(update.get("confidence").asDouble())
            .isEqualTo(update.get("probabilities").get(update.get("emotion").asText()).asDouble());
      } else {
        assertThat(update.has("emotion")).isFalse();
      }
    }
    JsonNode last = messages.get(messages.size() - 1);
    assertThat(last.get("final").asBoolean()).isTrue();
    assertSameResult(last, upload.json());
    assertThat(last.get("segments").size()).isEqualTo(upload.json().get("segments").size());

    String id = last.get("id").asText();
    Api.Answer stored = api.get("api/v1/predictions/" + id, token);
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.json().get("source").asText()).isEqualTo("live");
    assertThat(stored.json().get("emotion").asText()).isEqualTo(last.get("emotion").asText());
    assertThat(
            api.count(
                "SELECT count(*) FROM recordings WHERE id::text = ? AND source = 'LIVE'"
                    + " AND owner_id IS NOT NULL",
                id))
        .isEqualTo(1);
    assertThat(api.get("api/v1/predictions/" + id, api.newUserToken()).status()).isEqualTo(404);
  }

  @Test
  void aStereoStreamAt48kHzIsMixedAndResampledAsTheSameWavUploaded() {
    byte[] stereo = stereo48k(call);
    Api.Answer upload = api.postRaw("audio/wav", Api.wav(48_000, 2, stereo), null);
    assertThat(upload.status()).isEqualTo(201);

    List<JsonNode> messages;
    try (LiveSocket socket = open(Map.of())) {
      socket.text("{\"sampleRate\": 48000, \"channels\": 2}").stream(stereo, 19_200);
      socket.text("{\"end\": true}");
      messages = socket.untilClosed(60);
    }

    JsonNode last = messages.get(messages.size() - 1);
    assertThat(messages.size() - 1).as("an update per second of audio").isEqualTo(11);
    assertThat(last.has("id")).as("anonymous streams are not kept").isFalse();
    assertSameResult(last, upload.json());
  }

  @Test
  void aTokenInTheQueryWorksWhereHeadersCannotBeSet() {
    String token = api.newUserToken();
    try (LiveSocket socket = LiveSocket.open(live, "?token=" + token, Map.of())) {
      socket.text("{\"store\": true}").stream(Api.speechPcm(), 8_000).text("{\"end\": true}");
      List<JsonNode> messages = socket.untilClosed(60);
      JsonNode last = messages.get(messages.size() - 1);
      assertThat(api.get("api/v1/predictions/" + last.get("id").asText(), token).status())
          .isEqualTo(200);
    }
  }

  @Test
  void aToneGetsNoSpeechUpdatesAndEndsWithNoSpeech() {
    byte[] tone = tone(3.5);
    try (LiveSocket socket = open(Map.of())) {
      socket.stream(tone, 4_000).text("{\"end\": true}");
      List<JsonNode> messages = socket.untilClosed(30);
      assertThat(messages).hasSize(4);
      assertThat(messages.subList(0, 3)).allMatch(m -> !m.get("speech").asBoolean());
      assertError(messages.get(3), "no_speech");
      assertThat(socket.awaitClose(1).code()).isEqualTo(4400);
    }
  }

  @Test
  void wrongCredentialsAreRefusedOverTheSocket() {
    refused(bearer("ser_" + "x".repeat(43)), null, "unauthorized", 4401);
    refused(Map.of(), "?token=not-a-token", "unauthorized", 4401);
  }

  @Test
  void onlyAnAccountMayKeepItsStream() {
    try (LiveSocket socket = open(Map.of())) {
      socket.text("{\"store\": true}");
      expectError(socket, "unauthorized", 4401);
    }
  }

  @Test
  void malformedMessagesAndSettingsAreRefusedWithTheirCodes() {
    sendAndExpect("not json", "invalid_message", 4400);
    sendAndExpect("[1, 2]", "invalid_message", 4400);
    sendAndExpect("{\"rate\": 16000}", "invalid_message", 4400);
    sendAndExpect("{\"end\": false}", "invalid_message", 4400);
    sendAndExpect("{\"sampleRate\": 1000}", "invalid_sample_rate", 4400);
    sendAndExpect("{\"sampleRate\": 44100.5}", "invalid_sample_rate", 4400);
    sendAndExpect("{\"channels\": 9}", "invalid_channels", 4400);
    sendAndExpect("{\"store\": \"yes\"}", "invalid_message", 4400);
    sendAndExpect("{\"end\": true}", "empty_audio", 4400);
    try (LiveSocket socket = open(Map.of())) {
      socket.binary(Api.speechPcm(), 0, 3_200).text("{\"sampleRate\": 48000}");
      expectError(socket, "invalid_message", 4400);
    }
  }

  @Test
  void aFrameOverTheLimitIsRefused() {
    try (LiveSocket socket = open(Map.of())) {
      socket.binary(new byte[262_146], 0, 262_146);
      expectError(socket, "frame_too_large", 4413);
    }
  }

  @Test
  void aStreamLongerThanTheLimitIsStopped() {
    byte[] longer = quiet(16_000, 1, RunningApp.LIVE_MAX_SECONDS + 1);
    try (LiveSocket socket = open(Map.of())) {
      socket.stream(longer, 32_000);
      List<JsonNode> messages = socket.untilClosed(60);
      assertError(messages.get(messages.size() - 1), "stream_too_long");
      assertThat(messages.size() - 1).isEqualTo(RunningApp.LIVE_MAX_SECONDS);
      assertThat(socket.awaitClose(1).code()).isEqualTo(4413);
    }
  }

  @Test
  void aStreamThatFallsSilentIsClosedAfterTheIdleTimeout() {
    try (LiveSocket socket = open(Map.of())) {
      socket.binary(Api.speechPcm(), 0, 16_000);
      long start = System.nanoTime();
      expectError(socket, "idle_timeout", 4408);
      double waited = (System.nanoTime() - start) / 1e9;
      assertThat(waited)
          .isBetween(RunningApp.LIVE_IDLE_SECONDS - 0.5, RunningApp.LIVE_IDLE_SECONDS + 3.0);
    }
  }

  @Test
  void streamsPerClientAndInTotalAreBounded() {
    List<LiveSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        open.add(open(Map.of()).binary(Api.speechPcm(), 0, 3_200));
      }
      try (LiveSocket fifth = open(Map.of())) {
        expectError(fifth, "too_many_requests", 4429);
      }
      String token = api.newUserToken();
      for (int i = 0; i < RunningApp.LIVE_MAX_STREAMS - 4; i++) {
        open.add(open(bearer(token)).binary(Api.speechPcm(), 0, 3_200));
      }
      try (LiveSocket over = open(bearer(api.newUserToken()))) {
        expectError(over, "server_busy", 4503);
      }
      assertThat(open).noneMatch(LiveSocket::isClosed);
    } finally {
      open.forEach(LiveSocket::close);
    }
    // Closed streams free their places.
    try (LiveSocket again = open(Map.of())) {
      again.stream(Api.speechPcm(), 8_000).text("{\"end\": true}");
      List<JsonNode> messages = again.untilClosed(30);
      assertThat(messages.get(messages.size() - 1).get("final").asBoolean()).isTrue();
    }
  }

  @Test
  void aPlainRequestIsToldToUpgrade() {
    Api.Answer answer = api.send(HttpRequest.newBuilder(live).GET());
    assertThat(answer.status()).isEqualTo(426);
    assertThat(answer.json().get("error").asText()).isEqualTo("websocket_required");
  }

  private LiveSocket open(Map<String, String> headers) {
    return LiveSocket.open(live, null, headers);
  }

  private void refused(Map<String, String> headers, String query, String code, int close) {
    try (LiveSocket socket = LiveSocket.open(live, query, headers)) {
      expectError(socket, code, close);
    }
  }

  private void sendAndExpect(String text, String code, int close) {
    try (LiveSocket socket = open(Map.of())) {
      socket.text(text);
      expectError(socket, code, close);
    }
  }

  private static void expectError(LiveSocket socket, String code, int close) {
    List<JsonNode> messages = socket.untilClosed(20);
    LiveSocket.Closed closed = socket.awaitClose(1);
    assertThat(messages).as("the messages before %s", closed).isNotEmpty();
    assertError(messages.get(messages.size() - 1), code);
    assertThat(closed.code()).isEqualTo(close);
    assertThat(closed.reason()).isEqualTo(code);
  }

  private static void assertError(JsonNode message, String code) {
    assertThat(message.get("error").asText()).as(message.toString()).isEqualTo(code);
    assertThat(message.get("message").asText()).isNotBlank();
  }

  /** Same emotion, every probability within 0.02. */
  private static void assertSameResult(JsonNode live, JsonNode upload) {
    assertThat(live.get("emotion").asText()).isEqualTo(upload.get("emotion").asText());
    for (String emotion : EMOTIONS) {
      assertThat(live.get("probabilities").get(emotion).asDouble())
          .as(emotion)
          .isCloseTo(upload.get("probabilities").get(emotion).asDouble(), within(0.02));
    }
    assertThat(live.get("durationSeconds").asDouble())
        .isCloseTo(upload.get("durationSeconds").asDouble(), within(0.01));
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  /** 16 kHz mono PCM as 48 kHz stereo: each sample held three times, the right side at 80 %. */
  private static byte[] stereo48k(byte[] mono) {
    ByteBuffer in = ByteBuffer.wrap(mono).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.allocate(mono.length * 6).order(ByteOrder.LITTLE_ENDIAN);
    while (in.remaining() >= 2) {
      short sample = in.getShort();
      for (int k = 0; k < 3; k++) {
        out.putShort(sample).putShort((short) Math.round(sample * 0.8));
      }
    }
    return out.array();
  }

  /** Quiet noise (about -60 dBFS) as 16-bit PCM. */
  private static byte[] quiet(int rate, int channels, double seconds) {
    int samples = (int) (rate * seconds) * channels;
    ByteBuffer out = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    Random random = new Random(5);
    for (int i = 0; i < samples; i++) {
      out.putShort((short) Math.round(random.nextGaussian() * 33));
    }
    return out.array();
  }

  /** A 440 Hz tone at half scale, 16 kHz mono PCM. */
  private static byte[] tone(double seconds) {
    int samples = (int) (16_000 * seconds);
    ByteBuffer out = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      out.putShort((short) Math.round(16_000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0)));
    }
    return out.array();
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    ByteBuffer all = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      all.put(part);
    }
    return all.array();
  }
}
