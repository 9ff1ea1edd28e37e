package dev.ser.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.UserId;
import dev.ser.domain.account.Username;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void anAccountsActionNamesItByIdAndUsername() {
    Account anna = new Account(UserId.random(), new Username("anna"), Role.USER, NOW);

    AuditEntry entry = AuditEntry.by(anna, "token.create", "t-1", NOW).withDetail("'ci'");

    assertThat(entry.actor()).contains(anna.id());
    assertThat(entry.actorName()).isEqualTo("anna");
    assertThat(entry.target()).contains("t-1");
    assertThat(entry.detail()).contains("'ci'");
  }

  @Test
  void anonymousAndSystemEntriesHaveNoActorAccount() {
    AuditEntry failed = AuditEntry.anonymous("10.0.0.7", "user.sign-in-failed", "bob", NOW);
    AuditEntry created = AuditEntry.bySystem("admin.create", "u-1", NOW);

    assertThat(failed.actor()).isEmpty();
    assertThat(failed.actorName()).isEqualTo("anonymous 10.0.0.7");
    assertThat(created.actor()).isEmpty();
    assertThat(created.actorName()).isEqualTo("system");
  }

  @Test
  void typedTextLosesControlCharactersAndIsCapped() {
    AuditEntry entry =
        AuditEntry.anonymous("10.0.0.7", "user.sign-in-failed", "bob\r\nadmin\u0000", NOW)
            .withDetail("x".repeat(5000));

    assertThat(entry.target()).contains("bob??admin?");
    assertThat(entry.detail()).hasValueSatisfying(d -> assertThat(d).hasSize(1000));
    assertThat(
            AuditEntry.anonymous("10.0.0.7", "user.sign-in-failed", "y".repeat(400), NOW).target())
        .hasValueSatisfying(t -> assertThat(t).hasSize(255));
  }

  @Test
  void actionsAreDottedLowerCaseVerbs() {
    assertThatThrownBy(
            () ->
                new AuditEntry(
                    Optional.empty(),
                    "system",
                    "Drop Table",
                    Optional.empty(),
                    Optional.empty(),
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
