package dev.ser.domain.account;

import dev.ser.domain.SerException;
import java.util.Objects;
import java.util.UUID;

/** The identity of an API token, used to list and revoke it (never to authenticate). */
public record ApiTokenId(UUID value) {
  public ApiTokenId {
    Objects.requireNonNull(value, "value");
  }

  public static ApiTokenId random() {
    return new ApiTokenId(UUID.randomUUID());
  }

  public static ApiTokenId parse(String text) {
    try {
      return new ApiTokenId(UUID.fromString(Objects.requireNonNullElse(text, "").trim()));
    } catch (IllegalArgumentException e) {
      throw new SerException("not_found", "no API token '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
