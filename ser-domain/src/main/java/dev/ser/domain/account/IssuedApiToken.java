package dev.ser.domain.account;

import java.util.Objects;

/** A token just created: its secret, shown to the user exactly once, and its listing. */
public record IssuedApiToken(ApiTokenSecret secret, ApiToken token) {
  public IssuedApiToken {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(token, "token");
  }
}
