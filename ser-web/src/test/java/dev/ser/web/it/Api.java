package dev.ser.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.domain.account.ApiTokenSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A small client for the API tests: requests, JSON, test accounts and row counts. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final RunningApp app = RunningApp.get();

  /** A JSON (or not) answer. */
  record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(app.uri(path));
  }

  /**
   * Posts a raw body with {@code Expect: 100-continue}, as curl does for large bodies, so a body
   * the server refuses from its headers alone is never sent.
   */
  Answer postRaw(String contentType, byte[] body, String token) {
    return postRaw("api/v1/predictions", contentType, body, token);
  }

  /** {@link #postRaw(String, byte[], String)} to another path, e.g. with a query. */
  Answer postRaw(String path, String contentType, byte[] body, String token) {
    HttpRequest.Builder request =
        request(path)
            .expectContinue(body.length > 1024 * 1024)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    return send(withToken(request, token));
  }

  /**
   * A two-sided call: {@code speech_16k.wav} on the left at 0 s and again on the right {@code
   * answerAfter} seconds later, as 16 kHz stereo 16-bit PCM WAV.
   */
  static byte[] stereoCall(int answerAfter) {
    byte[] mono = resource("speech_16k.wav");
    ByteBuffer speech =
        ByteBuffer.wrap(mono, 44, mono.length - 44).slice().order(ByteOrder.LITTLE_ENDIAN);
    int n = speech.remaining() / 2;
    int offset = answerAfter * 16_000;
    int frames = n + offset;
    ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      short left = i < n ? speech.getShort(2 * i) : 0;
      short right = i >= offset ? speech.getShort(2 * (i - offset)) : 0;
      pcm.putShort(left).putShort(right);
    }
    return wav(16_000, 2, pcm.array());
  }

  /** The 16-bit PCM data of {@code speech_16k.wav}: 16 kHz mono, 4.85 s. */
  static byte[] speechPcm() {
    byte[] wav = resource("speech_16k.wav");
    return Arrays.copyOfRange(wav, 44, wav.length);
  }

  /** A RIFF/WAVE file of 16-bit little-endian PCM {@code pcm}, interleaved channels. */
  static byte[] wav(int sampleRate, int channels, byte[] pcm) {
    ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
    wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    wav.putShort((short) 1).putShort((short) channels).putInt(sampleRate);
    wav.putInt(sampleRate * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
    wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length);
    wav.put(pcm);
    return wav.array();
  }

  Answer postMultipart(String filename, String contentType, byte[] file, String token) {
    return postFiles("api/v1/predictions", List.of(new Part(filename, contentType, file)), token);
  }

  /** One file of a multipart request, sent as a field named {@code file}. */
  record Part(String filename, String contentType, byte[] bytes) {}

  /** Posts {@code files} as {@code file} fields of one multipart/form-data request. */
  Answer postFiles(String path, List<Part> files, String token) {
    String boundary = "----ser" + UUID.randomUUID();
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, files)));
    return send(withToken(request, token));
  }

  /** A multipart/form-data body of {@code files}, each a field named {@code file}. */
  static byte[] multipart(String boundary, List<Part> files) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Part file : files) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + file.filename()
                  + "\"\r\nContent-Type: "
                  + file.contentType()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.bytes());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  Answer get(String path, String token) {
    return send(withToken(request(path).GET(), token));
  }

  /** A GET that asks for {@code accept} in its {@code Accept} header. */
  Answer get(String path, String token, String accept) {
    return send(withToken(request(path).header("Accept", accept).GET(), token));
  }

  Answer delete(String path, String token) {
    return send(withToken(request(path).DELETE(), token));
  }

  private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  static byte[] resource(String name) {
    try {
      return Files.readAllBytes(Path.of("src/test/resources/audio", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fresh user with one API token, written straight into the database: the API tests are about
   * the API, the account pages have their own browser tests.
   */
  String newUserToken() {
    ApiTokenSecret secret = ApiTokenSecret.generate(new SecureRandom());
    UUID user = UUID.randomUUID();
    try (Connection db = app.database()) {
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO users (id, username, password_hash, role, created_at)"
                  + " VALUES (?, ?, 'not-a-usable-hash', 'USER', ?)")) {
        insert.setObject(1, user);
        insert.setString(2, "api-" + user);
        insert.setTimestamp(3, Timestamp.from(Instant.now()));
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO api_tokens (id, owner_id, name, token_hash, prefix, created_at)"
                  + " VALUES (?, ?, 'tests', ?, ?, ?)")) {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, user);
        insert.setString(3, secret.sha256Hex());
        insert.setString(4, secret.displayPrefix());
        insert.setTimestamp(5, Timestamp.from(Instant.now()));
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return secret.value();
  }

  /** A new API token for an existing account, e.g. one a browser test registered. */
  String tokenFor(String username) {
    ApiTokenSecret secret = ApiTokenSecret.generate(new SecureRandom());
    try (Connection db = app.database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO api_tokens (id, owner_id, name, token_hash, prefix, created_at)"
                    + " SELECT ?, id, 'tests', ?, ?, ? FROM users WHERE username = ?")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, secret.sha256Hex());
      insert.setString(3, secret.displayPrefix());
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.setString(5, username);
      if (insert.executeUpdate() != 1) {
        throw new IllegalStateException("no account '" + username + "'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return secret.value();
  }

  long count(String sql, Object... parameters) {
    try (Connection db = app.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return app.uri(path);
  }
}
