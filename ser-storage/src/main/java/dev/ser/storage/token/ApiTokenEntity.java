package dev.ser.storage.token;

import dev.ser.domain.account.ApiToken;
import dev.ser.domain.account.ApiTokenId;
import dev.ser.domain.account.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code api_tokens}: never the token, only its SHA-256. */
@Entity
@Table(name = "api_tokens")
public class ApiTokenEntity {
  @Id private UUID id;

  @Column(name = "owner_id", nullable = false)
  private UUID ownerId;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(nullable = false)
  private String prefix;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_used_at")
  private OffsetDateTime lastUsedAt;

  protected ApiTokenEntity() {}

  ApiTokenEntity(ApiToken token, String tokenHash) {
    this.id = token.id().value();
    this.ownerId = token.owner().value();
    this.name = token.name();
    this.tokenHash = tokenHash;
    this.prefix = token.displayPrefix();
    this.createdAt = token.createdAt().atOffset(ZoneOffset.UTC);
    this.lastUsedAt = token.lastUsedAt().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null);
  }

  ApiToken toToken() {
    return new ApiToken(
        new ApiTokenId(id),
        new UserId(ownerId),
        name,
        prefix,
        createdAt.toInstant(),
        Optional.ofNullable(lastUsedAt).map(OffsetDateTime::toInstant));
  }

  boolean lastUsedBefore(Instant cutoff) {
    return lastUsedAt == null || lastUsedAt.toInstant().isBefore(cutoff);
  }

  UserId owner() {
    return new UserId(ownerId);
  }
}
