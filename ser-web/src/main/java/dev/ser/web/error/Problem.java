package dev.ser.web.error;

import dev.ser.audio.AudioException;
import dev.ser.domain.SerException;
import dev.ser.inference.ModelException;
import dev.ser.storage.StorageUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the caller did wrong, as both surfaces show it: the API's JSON body {@code {"error": code,
 * "message": ...}} with {@link #status()}, and the Faces message with {@link #message()}. The one
 * place an error code becomes an HTTP status.
 *
 * @param status the HTTP status: 4xx for the caller's mistakes, 5xx only for {@link #internal}
 * @param code the stable machine-readable name, e.g. {@code unsupported_format}
 * @param message a sentence for the person who sent the request
 */
public record Problem(int status, String code, String message) {

  /**
   * Codes whose status is not 400. Audio codes come from {@link AudioException} (the decoder's
   * limits and formats: {@code corrupt_audio}, {@code empty_audio}, {@code silent_audio} and {@code
   * audio_too_short} stay 400), the rest from {@link SerException}s.
   */
  private static final Map<String, Integer> STATUS_BY_CODE =
      Map.ofEntries(
          Map.entry("unauthorized", 401),
          Map.entry("forbidden", 403),
          Map.entry("not_found", 404),
          Map.entry("not_acceptable", 406),
          Map.entry("idle_timeout", 408),
          Map.entry("conflict", 409),
          Map.entry("upload_too_large", 413),
          Map.entry("audio_too_long", 413),
          Map.entry("frame_too_large", 413),
          Map.entry("stream_too_long", 413),
          Map.entry("unsupported_audio", 415),
          Map.entry("unsupported_media_type", 415),
          Map.entry("too_many_requests", 429),
          Map.entry("server_busy", 503));

  /**
   * How long a client should wait before retrying a 503: about the time a restarted database or
   * blob store takes to answer again, and twice the interval in which storage is retried.
   */
  static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 10;

  private static final int TOO_MANY_REQUESTS_RETRY_AFTER_SECONDS = 1;

  public Problem {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem is a 4xx or 5xx, not " + status);
    }
  }

  public static Problem of(SerException e) {
    return of(e.code(), e.getMessage());
  }

  public static Problem of(AudioException e) {
    return of(e.code(), e.getMessage());
  }

  /** Storage or the model is down: not the caller's fault, worth retrying shortly. */
  public static Problem unavailable(String code) {
    return new Problem(
        503, code, "The service is unavailable right now; try again in a few seconds.");
  }

  /** A fault of ours, named by an incident id that is in the server log next to its cause. */
  public static Problem internal(String incident) {
    return new Problem(
        500, "internal_error", "Something went wrong on our side (incident " + incident + ").");
  }

  /**
   * The problem a failure (or one of its causes) stands for: the caller's mistake ({@link
   * SerException}, {@link AudioException}) or an outage of storage or the model (503); empty for
   * anything else, which is a fault of ours.
   */
  public static Optional<Problem> in(Throwable thrown) {
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
      if (t instanceof SerException e) {
        return Optional.of(of(e));
      }
      if (t instanceof AudioException e) {
        return Optional.of(of(e));
      }
      if (t instanceof StorageUnavailableException e) {
        return Optional.of(unavailable(e.code()));
      }
      if (t instanceof ModelException e) {
        return Optional.of(unavailable(e.code()));
      }
    }
    return Optional.empty();
  }

  static Problem of(String code, String message) {
    return new Problem(STATUS_BY_CODE.getOrDefault(code, 400), code, message);
  }

  /** The JSON body of an API error. */
  public Map<String, String> body() {
    return Map.of("error", code, "message", message == null ? code : message);
  }

  /**
   * The {@code Retry-After} seconds for a problem that goes away by itself: 429 (an analysis of the
   * same client finishes) and 503 (storage or the model comes back); empty for everything else.
   */
  public OptionalInt retryAfterSeconds() {
    return switch (status) {
      case 429 -> OptionalInt.of(TOO_MANY_REQUESTS_RETRY_AFTER_SECONDS);
      case 503 -> OptionalInt.of(UNAVAILABLE_RETRY_AFTER_SECONDS);
      default -> OptionalInt.empty();
    };
  }

  /**
   * The same answer written straight to a servlet response, for filters and authentication that run
   * before JAX-RS: {@link #status()}, {@link #body()} as JSON and any Retry-After.
   */
  public void writeTo(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    retryAfterSeconds()
        .ifPresent(
            seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(seconds)));
    response.setContentType(MediaType.APPLICATION_JSON);
    response.setCharacterEncoding("UTF-8");
    JsonObjectBuilder json = Json.createObjectBuilder();
    body().forEach(json::add);
    response.getWriter().write(json.build().toString());
  }

  /** The API's answer: {@link #status()} with {@link #body()} as JSON and any Retry-After. */
  public Response response() {
    Response.ResponseBuilder response =
        Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body());
    retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
    return response.build();
  }
}
