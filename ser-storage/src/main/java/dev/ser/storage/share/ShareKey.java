package dev.ser.storage.share;

import dev.ser.domain.SerException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret part of a share link: 43 URL-safe base64 characters (256 random bits), so a link
 * cannot be guessed. Only its SHA-256 is stored, as with API tokens; a fast hash is enough because
 * the key is random, not chosen by a person.
 *
 * <p>Text that is not a key is {@code not_found}, the same answer as a revoked or unknown key, so a
 * visitor learns nothing from the difference.
 *
 * @param value the key as it appears in the link
 */
public record ShareKey(String value) {
  private static final int RANDOM_BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

  public ShareKey {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new SerException("not_found", "no shared result with that link");
    }
  }

  /** A new key from 256 bits of the given randomness. */
  public static ShareKey generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return new ShareKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The lower-case hex SHA-256 of the key's text: what the database stores and looks up. */
  public String sha256Hex() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Never the key itself, so a log line cannot leak a live link. */
  @Override
  public String toString() {
    return "ShareKey[...]";
  }
}
