package dev.ser.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.audio.AudioTooLongException;
import dev.ser.audio.CorruptAudioException;
import dev.ser.audio.EmptyAudioException;
import dev.ser.audio.UnsupportedAudioException;
import dev.ser.domain.SerException;
import dev.ser.domain.recording.RecordingNotFoundException;
import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void unreadableFormatIs415() {
    Problem problem =
        Problem.of(new UnsupportedAudioException("This file is not audio we can read"));

    assertThat(problem.status()).isEqualTo(415);
    assertThat(problem.code()).isEqualTo("unsupported_audio");
  }

  @Test
  void audioOverTheDurationLimitIs413() {
    assertThat(Problem.of(new AudioTooLongException(300, 412.5)).status()).isEqualTo(413);
  }

  @Test
  void damagedOrEmptyAudioIs400() {
    assertThat(Problem.of(new CorruptAudioException("damaged")).status()).isEqualTo(400);
    assertThat(Problem.of(new EmptyAudioException()).status()).isEqualTo(400);
  }

  @Test
  void accessCodesMapToTheirStatuses() {
    assertThat(Problem.of(new SerException("unauthorized", "sign in")).status()).isEqualTo(401);
    assertThat(Problem.of(new SerException("forbidden", "admins only")).status()).isEqualTo(403);
    assertThat(Problem.of(new RecordingNotFoundException("x")).status()).isEqualTo(404);
    assertThat(Problem.of(new SerException("not_acceptable", "csv or json")).status())
        .isEqualTo(406);
    assertThat(Problem.of(new SerException("upload_too_large", "big")).status()).isEqualTo(413);
  }

  @Test
  void unknownCodeOfTheCallerIs400() {
    assertThat(Problem.of(new SerException("bad_page", "page must be >= 0")).status())
        .isEqualTo(400);
  }

  @Test
  void bodyHasErrorAndMessage() {
    assertThat(Problem.of(new SerException("bad_page", "page must be >= 0")).body())
        .containsEntry("error", "bad_page")
        .containsEntry("message", "page must be >= 0");
  }

  @Test
  void refusesStatusesThatAreNotErrors() {
    assertThatThrownBy(() -> new Problem(200, "ok", "fine"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void internalProblemNamesTheIncidentButNoDetail() {
    Problem problem = Problem.internal("abc-123");

    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.message()).contains("abc-123").doesNotContain("Exception");
  }

  @Test
  void unavailableStorageIs503WithRetryAfter() {
    Problem problem = Problem.unavailable("database_unavailable");

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.retryAfterSeconds()).hasValue(10);
    assertThat(problem.body()).containsEntry("error", "database_unavailable");
  }

  @Test
  void onlyProblemsThatPassBySayWhenToRetry() {
    assertThat(Problem.of(new SerException("too_many_requests", "wait")).retryAfterSeconds())
        .hasValue(1);
    assertThat(Problem.of(new SerException("bad_page", "page must be >= 0")).retryAfterSeconds())
        .isEmpty();
    assertThat(Problem.internal("abc-123").retryAfterSeconds()).isEmpty();
  }
}
