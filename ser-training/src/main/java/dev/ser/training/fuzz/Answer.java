package dev.ser.training.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * What the server answered to one upload, and whether that is an acceptable answer to hostile
 * input: 201 with a JSON prediction, or a 4xx whose JSON body is {@code {"error": code, "message":
 * text}}, within {@link #HANG_NANOS}. A 5xx, any other status, an HTML page, a stack trace in the
 * body, a transport failure or a slower answer is a {@link #problem()}.
 *
 * @param status the HTTP status, or {@link #NO_ANSWER} when none came (connection reset, timeout)
 * @param contentType the response's Content-Type, empty if none
 * @param body the response body as text, or the transport failure's description
 * @param nanos from sending the request to the end of the answer
 */
public record Answer(int status, String contentType, String body, long nanos) {
  /** The status of a request that got no HTTP answer. */
  public static final int NO_ANSWER = -1;

  /** Over two seconds counts as a hang (issue 6). */
  public static final long HANG_NANOS = 2_000_000_000L;

  private static final ObjectMapper JSON = new ObjectMapper();

  public Answer {
    if (contentType == null || body == null) {
      throw new IllegalArgumentException("contentType and body may be empty, not null");
    }
    if (nanos < 0) {
      throw new IllegalArgumentException("nanos must not be negative: " + nanos);
    }
  }

  /** A request that got no HTTP answer at all. */
  public static Answer none(Exception failure, long nanos) {
    return new Answer(NO_ANSWER, "", failure.getClass().getSimpleName() + ": " + failure, nanos);
  }

  public double millis() {
    return nanos / 1e6;
  }

  /**
   * How the summary counts it: {@code "201"}, a 4xx's error code ({@code "corrupt_audio"}), or for
   * anything else the status ({@code "500"}) or {@code "no answer"}.
   */
  public String outcome() {
    if (status == 201) {
      return "201";
    }
    if (status >= 400 && status < 500) {
      return errorCode().orElse(Integer.toString(status));
    }
    return status == NO_ANSWER ? "no answer" : Integer.toString(status);
  }

  /** Why this answer breaks the rules, or empty if it keeps them. */
  public Optional<String> problem() {
    if (status == NO_ANSWER) {
      return Optional.of("no answer: " + body);
    }
    Optional<String> form = formProblem();
    if (form.isPresent()) {
      return form;
    }
    if (nanos > HANG_NANOS) {
      return Optional.of(
          String.format(Locale.ROOT, "took %.0f ms, over the 2 s hang limit", millis()));
    }
    return Optional.empty();
  }

  private Optional<String> formProblem() {
    if (status >= 500) {
      return Optional.of("server error " + status + ": " + shortBody());
    }
    if (status != 201 && (status < 400 || status > 499)) {
      return Optional.of("unexpected status " + status);
    }
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return Optional.of(status + " with Content-Type '" + contentType + "', not JSON");
    }
    if (body.contains("Exception") || body.contains("\tat ") || body.contains("<html")) {
      return Optional.of(status + " body shows internals: " + shortBody());
    }
    Optional<JsonNode> json = parse();
    if (json.isEmpty() || !json.get().isObject()) {
      return Optional.of(status + " body is not a JSON object: " + shortBody());
    }
    if (status != 201 && (errorCode().isEmpty() || !json.get().path("message").isTextual())) {
      return Optional.of(status + " body lacks error and message: " + shortBody());
    }
    return Optional.empty();
  }

  private Optional<String> errorCode() {
    return parse()
        .map(node -> node.path("error"))
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .filter(code -> !code.isBlank());
  }

  private Optional<JsonNode> parse() {
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private String shortBody() {
    String flat = body.replaceAll("\\s+", " ").strip();
    return flat.length() <= 160 ? flat : flat.substring(0, 160) + "...";
  }
}
