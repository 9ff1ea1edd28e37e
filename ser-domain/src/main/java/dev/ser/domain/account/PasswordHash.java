package dev.ser.domain.account;

import java.util.Objects;

/**
 * A password hash in a self-describing text form (algorithm, parameters, salt and hash in one
 * string): the PHC form {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} the web layer writes,
 * or Jakarta Security's {@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>} from before, which
 * sign-in replaces. Never a password; {@link #toString()} does not print it so it stays out of
 * logs.
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
