package dev.ser.storage.account;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.account.Credentials;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.UserId;
import dev.ser.domain.account.Username;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts, in the caller's transaction. Deleting an account with its recordings and audio is
 * {@code RecordingArchive.deleteAccount}, because blobs are involved.
 */
public final class Users {
  private final EntityManager em;

  public Users(EntityManager em) {
    this.em = em;
  }

  /**
   * Creates an account; {@code username_taken} if the name is in use (checked here for a clear
   * message, and by a unique constraint for concurrent registrations).
   */
  public Account register(Username username, PasswordHash passwordHash, Role role, Instant now) {
    if (findByUsername(username).isPresent()) {
      throw usernameTaken(username);
    }
    Account account = new Account(UserId.random(), username, role, now);
    em.persist(new UserEntity(account, passwordHash));
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw usernameTaken(username);
      }
      throw e;
    }
    return account;
  }

  public Optional<Account> find(UserId id) {
    return Optional.ofNullable(em.find(UserEntity.class, id.value())).map(UserEntity::toAccount);
  }

  public Optional<Account> findByUsername(Username username) {
    return entityByUsername(username).map(UserEntity::toAccount);
  }

  /** What sign-in verifies a password against; empty for an unknown name. */
  public Optional<Credentials> credentialsOf(Username username) {
    return entityByUsername(username).map(UserEntity::toCredentials);
  }

  public void changePassword(UserId id, PasswordHash hash) {
    require(id).changePassword(hash);
  }

  /** Whether any admin exists; at first start the web layer creates one when none does. */
  public boolean anyAdmin() {
    return em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.role = :role", Long.class)
            .setParameter("role", Role.ADMIN)
            .getSingleResult()
        > 0;
  }

  public List<Account> all() {
    return em
        .createQuery("SELECT u FROM UserEntity u ORDER BY u.username", UserEntity.class)
        .getResultList()
        .stream()
        .map(UserEntity::toAccount)
        .toList();
  }

  private static boolean isUniqueViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  static SerException usernameTaken(Username username) {
    return new SerException("username_taken", "the username '" + username + "' is taken");
  }

  private Optional<UserEntity> entityByUsername(Username username) {
    return em.createQuery("SELECT u FROM UserEntity u WHERE u.username = :name", UserEntity.class)
        .setParameter("name", username.value())
        .getResultStream()
        .findFirst();
  }

  private UserEntity require(UserId id) {
    return Optional.ofNullable(em.find(UserEntity.class, id.value()))
        .orElseThrow(() -> new SerException("not_found", "no account '" + id + "'"));
  }
}
