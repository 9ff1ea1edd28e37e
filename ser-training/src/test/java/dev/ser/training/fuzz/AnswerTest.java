package dev.ser.training.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class AnswerTest {
  private static final String JSON = "application/json";
  private static final long FAST = 30_000_000L;

  @Test
  void createdPredictionKeepsTheRules() {
    Answer created = new Answer(201, JSON, "{\"emotion\":\"neutral\"}", FAST);

    assertThat(created.problem()).isEmpty();
    assertThat(created.outcome()).isEqualTo("201");
  }

  @Test
  void refusalWithErrorAndMessageKeepsTheRulesAndCountsByCode() {
    Answer refused =
        new Answer(
            400,
            "application/json;charset=UTF-8",
            "{\"error\":\"corrupt_audio\",\"message\":\"The audio data is damaged.\"}",
            FAST);

    assertThat(refused.problem()).isEmpty();
    assertThat(refused.outcome()).isEqualTo("corrupt_audio");
  }

  @Test
  void serverErrorBreaksTheRulesEvenAsJson() {
    Answer failed =
        new Answer(500, JSON, "{\"error\":\"internal_error\",\"message\":\"incident 7\"}", FAST);

    assertThat(failed.problem()).hasValueSatisfying(p -> assertThat(p).contains("server error"));
    assertThat(failed.outcome()).isEqualTo("500");
  }

  @Test
  void htmlErrorPageBreaksTheRules() {
    Answer html = new Answer(400, "text/html", "<html><body>Bad Request</body></html>", FAST);

    assertThat(html.problem()).hasValueSatisfying(p -> assertThat(p).contains("not JSON"));
  }

  @Test
  void stackTraceInTheBodyBreaksTheRules() {
    Answer leaky =
        new Answer(
            400,
            JSON,
            "{\"error\":\"bad\",\"message\":\"java.lang.NullPointerException\\n\\tat dev.ser.X\"}",
            FAST);

    assertThat(leaky.problem()).hasValueSatisfying(p -> assertThat(p).contains("internals"));
  }

  @Test
  void refusalWithoutMessageBreaksTheRules() {
    Answer bare = new Answer(415, JSON, "{\"error\":\"unsupported_audio\"}", FAST);

    assertThat(bare.problem()).hasValueSatisfying(p -> assertThat(p).contains("message"));
  }

  @Test
  void answerOverTwoSecondsIsAHang() {
    Answer slow =
        new Answer(
            400,
            JSON,
            "{\"error\":\"audio_too_complex\",\"message\":\"took too long\"}",
            2_100_000_000L);

    assertThat(slow.problem()).hasValueSatisfying(p -> assertThat(p).contains("2100 ms"));
  }

  @Test
  void redirectAndMissingAnswerBreakTheRules() {
    Answer none = Answer.none(new HttpTimeoutException("request timed out"), 30_000_000_000L);

    assertThat(new Answer(302, "", "", FAST).problem()).isPresent();
    assertThat(none.problem()).hasValueSatisfying(p -> assertThat(p).contains("timed out"));
    assertThat(none.outcome()).isEqualTo("no answer");
    assertThat(Answer.none(new IOException("reset"), FAST).status()).isEqualTo(Answer.NO_ANSWER);
  }
}
