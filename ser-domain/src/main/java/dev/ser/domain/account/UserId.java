package dev.ser.domain.account;

import java.util.Objects;
import java.util.UUID;

/** The identity of an account, a random UUID that never changes (usernames may). */
public record UserId(UUID value) {
  public UserId {
    Objects.requireNonNull(value, "value");
  }

  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
