package dev.ser.web.account;

import dev.ser.domain.SerException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per username: after {@value #FREE_FAILURES} failed sign-ins the name is
 * locked for a time that doubles with each further failure (up to 15 minutes); a success clears it.
 * In memory, per server: enough for one instance, and a lock-out never outlives a restart.
 */
@ApplicationScoped
public class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  private record Failures(int count, Instant lockedUntil) {}

  /** Refuses with {@code too_many_requests} while the name is locked. */
  public void check(String username) {
    Failures current = failures.get(key(username));
    if (current != null && clock.instant().isBefore(current.lockedUntil())) {
      long seconds = Duration.between(clock.instant(), current.lockedUntil()).toSeconds() + 1;
      throw new SerException(
          "too_many_requests",
          "Too many failed sign-ins for this name; try again in " + seconds + " seconds.");
    }
  }

  /** Counts a failure; how long the name is now locked for, if this failure locked it. */
  public Optional<Duration> failed(String username) {
    if (failures.size() > MAX_TRACKED) {
      failures.clear();
    }
    Failures now =
        failures.compute(
            key(username),
            (name, before) -> {
              int count = before == null ? 1 : before.count() + 1;
              Instant until =
                  count < FREE_FAILURES ? Instant.MIN : clock.instant().plus(lockFor(count));
              return new Failures(count, until);
            });
    return now.count() < FREE_FAILURES ? Optional.empty() : Optional.of(lockFor(now.count()));
  }

  public void succeeded(String username) {
    failures.remove(key(username));
  }

  static Duration lockFor(int failures) {
    int doublings = Math.min(failures - FREE_FAILURES, 10);
    Duration lock = FIRST_LOCK.multipliedBy(1L << Math.max(0, doublings));
    return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
  }

  private static String key(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }
}
