package dev.ser.domain.account;

import java.util.Objects;

/** What sign-in checks a password against: the account and its stored hash. */
public record Credentials(Account account, PasswordHash passwordHash) {
  public Credentials {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }
}
