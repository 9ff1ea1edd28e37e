package dev.ser.storage.account;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.Credentials;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.UserId;
import dev.ser.domain.account.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A row of {@code users}. */
@Entity
@Table(name = "users")
public class UserEntity {
  @Id private UUID id;

  @Column(nullable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected UserEntity() {}

  UserEntity(Account account, PasswordHash passwordHash) {
    this.id = account.id().value();
    this.username = account.username().value();
    this.passwordHash = passwordHash.encoded();
    this.role = account.role();
    this.createdAt = account.createdAt().atOffset(ZoneOffset.UTC);
  }

  Account toAccount() {
    return new Account(new UserId(id), new Username(username), role, createdAt.toInstant());
  }

  Credentials toCredentials() {
    return new Credentials(toAccount(), new PasswordHash(passwordHash));
  }

  void changePassword(PasswordHash hash) {
    this.passwordHash = hash.encoded();
  }
}
