package dev.ser.domain.account;

import java.util.Objects;

/**
 * A password hash in the self-describing text form the web layer's hasher writes (algorithm,
 * parameters, salt and hash in one string, e.g. Jakarta Security's PBKDF2 format). Never a
 * password; {@link #toString()} does not print it so it stays out of logs.
 */
public record PasswordHash(String encoded) {
  public static final int MAX_LENGTH = 512;

  public PasswordHash {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.isBlank() || encoded.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a password hash needs 1 to " + MAX_LENGTH + " chars");
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[redacted]";
  }
}
