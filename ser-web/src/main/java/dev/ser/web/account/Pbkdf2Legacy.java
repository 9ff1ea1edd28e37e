package dev.ser.web.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Verifies the hashes this application stored before Argon2id: Jakarta Security's {@code
 * Pbkdf2PasswordHash} text form, {@code PBKDF2WithHmacSHA256:210000:<salt>:<hash>} with padded
 * standard Base64, checked with the JDK's own PBKDF2. Never used to make a hash: a match is
 * re-hashed with {@link Argon2id} at once.
 */
final class Pbkdf2Legacy {
  /** Above this a stored row would make one sign-in cost seconds of CPU; none was ever written. */
  static final int MAX_ITERATIONS = 1_000_000;

  private static final Pattern FORMAT =
      Pattern.compile(
          "(PBKDF2WithHmacSHA(?:224|256|384|512)):(\\d{1,7}):([A-Za-z0-9+/]+={0,2}):"
              + "([A-Za-z0-9+/]+={0,2})");

  private Pbkdf2Legacy() {}

  static boolean isOne(String encoded) {
    return encoded != null && FORMAT.matcher(encoded).matches();
  }

  /** Whether the password gives the stored key; false for anything not in this format. */
  static boolean verify(char[] password, String encoded) {
    if (encoded == null) {
      return false;
    }
    Matcher m = FORMAT.matcher(encoded);
    if (!m.matches()) {
      return false;
    }
    int iterations = Integer.parseInt(m.group(2));
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(m.group(3));
      byte[] expected = Base64.getDecoder().decode(m.group(4));
      if (salt.length == 0 || expected.length == 0) {
        return false;
      }
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, expected.length * 8);
      try {
        byte[] actual = SecretKeyFactory.getInstance(m.group(1)).generateSecret(spec).getEncoded();
        return MessageDigest.isEqual(actual, expected);
      } finally {
        spec.clearPassword();
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }
}
