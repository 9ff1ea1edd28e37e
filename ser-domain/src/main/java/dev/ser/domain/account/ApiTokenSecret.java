package dev.ser.domain.account;

import dev.ser.domain.SerException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A personal API token as the user sees it once: {@code ser_} followed by 43 URL-safe base64
 * characters (256 random bits). Only its SHA-256 is stored, so a database leak reveals no usable
 * token; a fast hash is enough because the secret is random, not chosen by a person.
 *
 * @param value the full token text
 */
public record ApiTokenSecret(String value) {
  public static final String PREFIX = "ser_";
  private static final int RANDOM_BYTES = 32;
  private static final int DISPLAY_CHARS = 8;
  private static final Pattern FORMAT = Pattern.compile("ser_[A-Za-z0-9_-]{43}");

  public ApiTokenSecret {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new SerException("unauthorized", "not a SER API token");
    }
  }

  /** A new token from 256 bits of the given randomness. */
  public static ApiTokenSecret generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return new ApiTokenSecret(
        PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * Reads the token from an {@code Authorization} header value ({@code Bearer ser_...}); a missing
   * or malformed header is an {@code unauthorized} error.
   */
  public static ApiTokenSecret fromAuthorizationHeader(String header) {
    String scheme = "Bearer ";
    if (header == null || !header.regionMatches(true, 0, scheme, 0, scheme.length())) {
      throw new SerException("unauthorized", "expected 'Authorization: Bearer <token>'");
    }
    return new ApiTokenSecret(header.substring(scheme.length()).strip());
  }

  /**
   * The lower-case hex SHA-256 of the token's UTF-8 text: what the database stores and looks up.
   */
  public String sha256Hex() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The first characters, e.g. {@code ser_Ab3x}, shown in token lists so users can tell them apart.
   */
  public String displayPrefix() {
    return value.substring(0, PREFIX.length() + DISPLAY_CHARS);
  }

  @Override
  public String toString() {
    return "ApiTokenSecret[" + displayPrefix() + "...]";
  }
}
