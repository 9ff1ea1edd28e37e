package dev.ser.domain.account;

import java.time.Instant;
import java.util.Objects;

/** Someone who can sign in. The password hash is not part of it: only sign-in needs that. */
public record Account(UserId id, Username username, Role role, Instant createdAt) {
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
