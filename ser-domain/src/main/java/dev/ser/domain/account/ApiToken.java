package dev.ser.domain.account;

import dev.ser.domain.SerException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API token as listed on the account page: never the secret, only what identifies it.
 *
 * @param id its identity
 * @param owner whose requests it authenticates
 * @param name what the user called it, 1..100 characters
 * @param displayPrefix the secret's first characters, e.g. {@code ser_Ab3xK9pQ}
 * @param createdAt when it was issued
 * @param lastUsedAt when it last authenticated a request; empty if never
 */
public record ApiToken(
    ApiTokenId id,
    UserId owner,
    String name,
    String displayPrefix,
    Instant createdAt,
    Optional<Instant> lastUsedAt) {
  public static final int MAX_NAME_LENGTH = 100;

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    name = validName(name);
    Objects.requireNonNull(displayPrefix, "displayPrefix");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
  }

  /** Trims a token name and checks it is 1..100 printable characters. */
  public static String validName(String name) {
    String trimmed = Objects.requireNonNull(name, "name").strip();
    if (trimmed.isEmpty()
        || trimmed.length() > MAX_NAME_LENGTH
        || trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new SerException(
          "invalid_name", "a token name needs 1 to " + MAX_NAME_LENGTH + " printable characters");
    }
    return trimmed;
  }
}
