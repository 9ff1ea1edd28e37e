package dev.ser.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void fewFailuresDoNotLock() {
    for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.failed("anna");
    }

    assertThatCode(() -> throttle.check("anna")).doesNotThrowAnyException();
  }

  @Test
  void repeatedFailuresLockTheNameAndOnlyThatName() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.failed("Anna");
    }

    assertThatThrownBy(() -> throttle.check("anna"))
        .isInstanceOf(SerException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("too_many_requests");
    assertThatCode(() -> throttle.check("bob")).doesNotThrowAnyException();
  }

  @Test
  void onlyTheFailuresThatLockSayForHowLong() {
    for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
      assertThat(throttle.failed("anna")).isEmpty();
    }

    assertThat(throttle.failed("anna")).contains(LoginThrottle.FIRST_LOCK);
    assertThat(throttle.failed("anna")).contains(LoginThrottle.FIRST_LOCK.multipliedBy(2));
  }

  @Test
  void lockEndsAfterItsTime() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.failed("anna");
    }

    clock.advance(LoginThrottle.FIRST_LOCK.plusSeconds(1));

    assertThatCode(() -> throttle.check("anna")).doesNotThrowAnyException();
  }

  @Test
  void lockDoublesWithEachFurtherFailureUpToFifteenMinutes() {
    assertThat(LoginThrottle.lockFor(5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(LoginThrottle.lockFor(6)).isEqualTo(Duration.ofSeconds(60));
    assertThat(LoginThrottle.lockFor(7)).isEqualTo(Duration.ofSeconds(120));
    assertThat(LoginThrottle.lockFor(40)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void successClearsTheFailures() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
      throttle.failed("anna");
    }
    throttle.succeeded("anna");
    throttle.failed("anna");

    assertThatCode(() -> throttle.check("anna")).doesNotThrowAnyException();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
