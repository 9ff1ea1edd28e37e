package dev.ser.domain.account;

import dev.ser.domain.SerException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name an account signs in with: a plain name such as {@code admin} or an e-mail address.
 * Stored lower-case so {@code Anna@Example.org} and {@code anna@example.org} are one account.
 *
 * @param value 3..254 characters of {@code a-z 0-9 . _ + - @}, starting with a letter or digit
 */
public record Username(String value) {
  public static final int MAX_LENGTH = 254;
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._+@-]{2,253}");

  public Username {
    Objects.requireNonNull(value, "value");
    value = value.strip().toLowerCase(Locale.ROOT);
    if (!ALLOWED.matcher(value).matches()) {
      throw new SerException(
          "bad_username",
          "a username needs 3 to "
              + MAX_LENGTH
              + " characters: letters, digits, '.', '_', '+', '-' or '@', starting with a letter"
              + " or digit");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
