package dev.ser.storage.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.account.Credentials;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.Username;
import dev.ser.storage.database.Database;
import dev.ser.storage.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersIT {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final Database database = TestDatabase.get();

  @BeforeEach
  void empty() {
    TestDatabase.empty();
  }

  private Account register(String name, Role role) {
    return database.inTransaction(
        em ->
            new Users(em)
                .register(new Username(name), new PasswordHash("hash-of-" + name), role, NOW));
  }

  @Test
  void signInFindsTheStoredHashCaseInsensitively() {
    Account anna = register("Anna@Example.org", Role.USER);

    Optional<Credentials> credentials =
        database.inTransaction(em -> new Users(em).credentialsOf(new Username("ANNA@example.ORG")));

    assertThat(credentials).isPresent();
    assertThat(credentials.get().account()).isEqualTo(anna);
    assertThat(credentials.get().passwordHash().encoded()).isEqualTo("hash-of-Anna@Example.org");
  }

  @Test
  void aTakenUsernameIsAClearError() {
    register("anna", Role.USER);

    assertThatThrownBy(() -> register("ANNA", Role.USER))
        .isInstanceOf(SerException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("username_taken");
    assertThat(TestDatabase.rows("users")).isEqualTo(1);
  }

  @Test
  void firstStartSeesNoAdminUntilOneIsCreated() {
    register("anna", Role.USER);
    boolean before = database.inTransaction(em -> new Users(em).anyAdmin());
    register("admin", Role.ADMIN);
    boolean after = database.inTransaction(em -> new Users(em).anyAdmin());

    assertThat(before).isFalse();
    assertThat(after).isTrue();
  }

  @Test
  void passwordChangeReplacesTheHash() {
    Account anna = register("anna", Role.USER);

    database.execute(em -> new Users(em).changePassword(anna.id(), new PasswordHash("new-hash")));

    Optional<Credentials> credentials =
        database.inTransaction(em -> new Users(em).credentialsOf(new Username("anna")));
    assertThat(credentials.orElseThrow().passwordHash().encoded()).isEqualTo("new-hash");
  }

  @Test
  void concurrentRegistrationsOfOneNameYieldOneAccountAndClearErrors() throws Exception {
    int attempts = 6;
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(attempts);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    register("popular", Role.USER);
                    return "created";
                  } catch (SerException e) {
                    return e.code();
                  }
                }));
      }
      start.countDown();
      List<String> codes = new ArrayList<>();
      for (var outcome : outcomes) {
        codes.add(outcome.get());
      }
      assertThat(codes).containsOnly("created", "username_taken");
      assertThat(codes).filteredOn("created"::equals).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(TestDatabase.rows("users")).isEqualTo(1);
  }
}
