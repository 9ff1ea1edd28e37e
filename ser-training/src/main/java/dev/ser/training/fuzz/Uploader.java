package dev.ser.training.fuzz;

import dev.ser.audio.decode.fuzz.Mutant;
import dev.ser.audio.decode.fuzz.SeedFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a mutant to {@code POST /api/v1/predictions} the two ways the API takes audio: as the
 * multipart field {@code file} (with a file name and its format's media type, as a browser form
 * does) or as the raw body with its format's Content-Type. Thread-safe: one HTTP client shared by
 * every fuzzing thread.
 */
final class Uploader {
  static final String PREDICTIONS = "/api/v1/predictions";

  /** Well past the 2 s a request may take: a slower answer is measured, not cut off. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final String BOUNDARY = "ser-fuzz-4f0c9a2e7b";

  /** How the file travels. */
  enum Transport {
    MULTIPART,
    RAW;

    /** Mutants alternate: even indices as multipart, odd as the raw body. */
    static Transport of(Mutant mutant) {
      return mutant.index() % 2 == 0 ? MULTIPART : RAW;
    }
  }

  private final URI endpoint;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Uploader(URI base) {
    this.endpoint = base.resolve(PREDICTIONS);
  }

  /** Sends {@code mutant} and returns the answer; a transport failure is an answer too. */
  Answer send(Mutant mutant) throws InterruptedException {
    return send(mutant.fileName(), mutant.format(), mutant.bytes(), Transport.of(mutant));
  }

  /** Sends a file named {@code fileName} (the name goes only into a multipart upload). */
  Answer send(String fileName, SeedFormat format, byte[] bytes, Transport transport)
      throws InterruptedException {
    HttpRequest request = request(fileName, format, bytes, transport);
    long sent = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          System.nanoTime() - sent);
    } catch (IOException e) {
      return Answer.none(e, System.nanoTime() - sent);
    }
  }

  HttpRequest request(String fileName, SeedFormat format, byte[] bytes, Transport transport) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).header("Accept", "application/json");
    if (transport == Transport.RAW) {
      return request
          .header("Content-Type", format.mediaType())
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
          .build();
    }
    return request
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fileName, format, bytes)))
        .build();
  }

  static byte[] multipart(String fileName, SeedFormat format, byte[] bytes) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 512);
    String head =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + format.mediaType()
            + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }
}
