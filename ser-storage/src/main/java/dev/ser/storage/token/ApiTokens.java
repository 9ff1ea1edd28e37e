package dev.ser.storage.token;

import dev.ser.domain.SerException;
import dev.ser.domain.account.ApiToken;
import dev.ser.domain.account.ApiTokenId;
import dev.ser.domain.account.ApiTokenSecret;
import dev.ser.domain.account.IssuedApiToken;
import dev.ser.domain.account.UserId;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens, in the caller's transaction: issued once (the secret is returned and never
 * stored), looked up by the SHA-256 of a presented Bearer token, listed and revoked by their owner.
 */
public final class ApiTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

  private final EntityManager em;

  public ApiTokens(EntityManager em) {
    this.em = em;
  }

  /** Creates a token for the owner; show {@link IssuedApiToken#secret()} to the user once. */
  public IssuedApiToken issue(UserId owner, String name, Instant now) {
    ApiTokenSecret secret = ApiTokenSecret.generate(RANDOM);
    ApiToken token =
        new ApiToken(
            ApiTokenId.random(), owner, name, secret.displayPrefix(), now, Optional.empty());
    em.persist(new ApiTokenEntity(token, secret.sha256Hex()));
    em.flush();
    return new IssuedApiToken(secret, token);
  }

  /**
   * Whose token this is, by its hash (one index lookup); records the use. Empty for a revoked or
   * unknown token, which the web layer answers with 401. The last-use time is kept to the minute,
   * so a busy integration does not turn every request into a write.
   */
  public Optional<UserId> authenticate(ApiTokenSecret secret, Instant now) {
    Optional<ApiTokenEntity> match =
        em.createQuery(
                "SELECT t FROM ApiTokenEntity t WHERE t.tokenHash = :hash", ApiTokenEntity.class)
            .setParameter("hash", secret.sha256Hex())
            .getResultStream()
            .findFirst();
    match
        .filter(t -> t.lastUsedBefore(now.minus(LAST_USE_RESOLUTION)))
        .ifPresent(
            t ->
                em.createQuery(
                        "UPDATE ApiTokenEntity t SET t.lastUsedAt = :now WHERE t.tokenHash = :hash")
                    .setParameter("now", now.atOffset(ZoneOffset.UTC))
                    .setParameter("hash", secret.sha256Hex())
                    .executeUpdate());
    return match.map(ApiTokenEntity::owner);
  }

  /** The owner's tokens, newest first. */
  public List<ApiToken> of(UserId owner) {
    return em
        .createQuery(
            "SELECT t FROM ApiTokenEntity t WHERE t.ownerId = :owner ORDER BY t.createdAt DESC",
            ApiTokenEntity.class)
        .setParameter("owner", owner.value())
        .getResultList()
        .stream()
        .map(ApiTokenEntity::toToken)
        .toList();
  }

  /** Revokes one of the owner's tokens; {@code not_found} if it is not theirs. */
  public void revoke(ApiTokenId id, UserId owner) {
    int deleted =
        em.createQuery("DELETE FROM ApiTokenEntity t WHERE t.id = :id AND t.ownerId = :owner")
            .setParameter("id", id.value())
            .setParameter("owner", owner.value())
            .executeUpdate();
    if (deleted == 0) {
      throw new SerException("not_found", "no API token '" + id + "'");
    }
  }
}
