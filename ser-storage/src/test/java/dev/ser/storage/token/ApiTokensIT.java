package dev.ser.storage.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.account.ApiToken;
import dev.ser.domain.account.ApiTokenSecret;
import dev.ser.domain.account.IssuedApiToken;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.UserId;
import dev.ser.domain.account.Username;
import dev.ser.storage.account.Users;
import dev.ser.storage.database.Database;
import dev.ser.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiTokensIT {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final Database database = TestDatabase.get();
  private Account anna;
  private Account ben;

  @BeforeEach
  void twoUsers() {
    TestDatabase.empty();
    anna = register("anna");
    ben = register("ben");
  }

  private Account register(String name) {
    return database.inTransaction(
        em -> new Users(em).register(new Username(name), new PasswordHash("h"), Role.USER, NOW));
  }

  @Test
  void issuedTokenAuthenticatesItsOwnerAndRecordsTheUse() {
    IssuedApiToken issued =
        database.inTransaction(em -> new ApiTokens(em).issue(anna.id(), "laptop", NOW));
    Instant later = NOW.plusSeconds(3600);

    Optional<UserId> owner =
        database.inTransaction(
            em ->
                new ApiTokens(em).authenticate(new ApiTokenSecret(issued.secret().value()), later));

    assertThat(owner).contains(anna.id());
    List<ApiToken> listed = database.inTransaction(em -> new ApiTokens(em).of(anna.id()));
    assertThat(listed)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("laptop");
              assertThat(t.lastUsedAt()).contains(later);
              assertThat(t.displayPrefix()).isEqualTo(issued.secret().displayPrefix());
            });
  }

  @Test
  void onlyTheHashIsStored() throws Exception {
    IssuedApiToken issued =
        database.inTransaction(em -> new ApiTokens(em).issue(anna.id(), "ci", NOW));

    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT * FROM api_tokens")) {
      row.next();
      for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
        assertThat(String.valueOf(row.getObject(column))).doesNotContain(issued.secret().value());
      }
      assertThat(row.getString("token_hash")).isEqualTo(issued.secret().sha256Hex());
    }
  }

  @Test
  void unknownOrRevokedTokenAuthenticatesNobody() {
    IssuedApiToken issued =
        database.inTransaction(em -> new ApiTokens(em).issue(anna.id(), "old", NOW));
    ApiTokenSecret stranger = new ApiTokenSecret("ser_" + "x".repeat(43));

    Optional<UserId> unknown =
        database.inTransaction(em -> new ApiTokens(em).authenticate(stranger, NOW));
    database.execute(em -> new ApiTokens(em).revoke(issued.token().id(), anna.id()));
    Optional<UserId> revoked =
        database.inTransaction(em -> new ApiTokens(em).authenticate(issued.secret(), NOW));

    assertThat(unknown).isEmpty();
    assertThat(revoked).isEmpty();
  }

  @Test
  void nobodyRevokesAnotherUsersToken() {
    IssuedApiToken annas =
        database.inTransaction(em -> new ApiTokens(em).issue(anna.id(), "phone", NOW));

    assertThatThrownBy(
            () -> database.execute(em -> new ApiTokens(em).revoke(annas.token().id(), ben.id())))
        .isInstanceOf(SerException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("not_found");
    assertThat(TestDatabase.rows("api_tokens")).isEqualTo(1);
  }

  @Test
  void lastUseIsRecordedToTheMinute() {
    IssuedApiToken issued =
        database.inTransaction(em -> new ApiTokens(em).issue(anna.id(), "busy", NOW));
    for (Instant at : List.of(NOW, NOW.plusSeconds(30), NOW.plusSeconds(61))) {
      database.execute(em -> new ApiTokens(em).authenticate(issued.secret(), at));
    }
    List<ApiToken> listed = database.inTransaction(em -> new ApiTokens(em).of(anna.id()));
    assertThat(listed.get(0).lastUsedAt()).contains(NOW.plusSeconds(61));

    database.execute(em -> new ApiTokens(em).authenticate(issued.secret(), NOW.plusSeconds(90)));
    List<ApiToken> again = database.inTransaction(em -> new ApiTokens(em).of(anna.id()));
    assertThat(again.get(0).lastUsedAt())
        .as("within a minute of the last write")
        .contains(NOW.plusSeconds(61));
  }
}
