package dev.ser.web.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where to send someone after sign-in. Only paths inside this application are followed, so a link
 * such as {@code /login.xhtml?next=https://evil.example} cannot turn sign-in into an open redirect.
 */
final class Redirects {
  private Redirects() {}

  static String encode(String path) {
    return URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  /**
   * {@code next} if it is a local path (one leading slash, no scheme or host), else the home page.
   */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.chars().anyMatch(Character::isISOControl)) {
      return "/index.xhtml";
    }
    return next;
  }
}
