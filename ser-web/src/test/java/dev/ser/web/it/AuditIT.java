package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every admin action and security event leaves an audit row saying who did what to which target and
 * when, read back from the application's database; and sign-in replaces a PBKDF2 hash from before
 * Argon2id.
 */
class AuditIT {
  private static final Path WAV = Path.of("src/test/resources/audio/speech_16k.wav");
  private static final String PASSWORD = "correct horse battery";

  /**
   * Made by GlassFish Soteria's {@code Pbkdf2PasswordHashImpl} (Payara Micro 6.2025.10) configured
   * as the application's PBKDF2 hashing was, for the password {@value #LEGACY_PASSWORD}.
   */
  private static final String SOTERIA_HASH =
      "PBKDF2WithHmacSHA256:210000:Sz6FjGBjzJfynfgHBC2FvA==:"
          + "t0T1gxHsXzQDvcZx5AuYWDgsAz4VMbUjesDtWULL2+g=";

  private static final String LEGACY_PASSWORD = "legacy password 2024";

  private final RunningApp app = RunningApp.get();
  private final Api api = new Api();

  record Row(
      Optional<UUID> actorId,
      String actorName,
      String action,
      String target,
      Optional<String> detail,
      Instant at) {}

  @Test
  void firstStartRecordsTheAdminItCreated() {
    UUID admin = userId("admin");

    List<Row> rows = rows("admin.create", admin.toString());

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).actorName()).isEqualTo("system");
    assertThat(rows.get(0).actorId()).isEmpty();
    assertThat(rows.get(0).detail()).hasValueSatisfying(d -> assertThat(d).contains("admin"));
  }

  @Test
  void legacyPbkdf2HashIsReplacedWithArgon2idAtTheNextSignIn() {
    String username = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
    UUID id = insertUser(username, SOTERIA_HASH);
    Instant before = Instant.now().minusSeconds(1);

    try (Browser browser = Browser.open()) {
      assertThat(signIn(browser, username, LEGACY_PASSWORD)).isTrue();
    }
    String upgraded = passwordHash(username);
    try (Browser again = Browser.open()) {
      assertThat(signIn(again, username, LEGACY_PASSWORD)).isTrue();
    }

    assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").hasSize(97);
    assertThat(passwordHash(username)).isEqualTo(upgraded);
    List<Row> signIns = rows("user.sign-in", id.toString());
    assertThat(signIns).hasSize(2);
    assertThat(signIns.get(0).actorId()).contains(id);
    assertThat(signIns.get(0).actorName()).isEqualTo(username);
    assertThat(signIns.get(0).at()).isAfter(before);
    assertThat(signIns.get(0).detail())
        .hasValueSatisfying(d -> assertThat(d).contains("127.0.0.1").contains("Argon2id"));
    assertThat(signIns.get(1).detail())
        .hasValueSatisfying(d -> assertThat(d).doesNotContain("Argon2id"));
  }

  @Test
  void registrationIsRecordedAndTheNewHashIsArgon2id() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);
    }
    UUID id = userId(username);

    List<Row> rows = rows("user.register", id.toString());

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).actorId()).contains(id);
    assertThat(passwordHash(username)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void failedSignInsAndTheLockOutAreRecordedWithTheAddress() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);
      browser.submit(browser.find("#logout\\:go"));
      for (int i = 0; i < 5; i++) {
        assertThat(signIn(browser, username, "not the password")).isFalse();
      }
      assertThat(signIn(browser, username, PASSWORD)).as("locked").isFalse();
      assertThat(browser.find(".message.error").getText())
          .contains("Too many failed sign-ins for this name");
      assertThat(signIn(browser, unknown, PASSWORD)).isFalse();
    }

    List<Row> failures = rows("user.sign-in-failed", username);
    assertThat(failures).hasSize(5);
    assertThat(failures)
        .allSatisfy(
            row -> {
              assertThat(row.actorId()).isEmpty();
              assertThat(row.actorName()).isEqualTo("anonymous 127.0.0.1");
              assertThat(row.detail()).contains("wrong password");
            });
    List<Row> locks = rows("user.locked", username);
    assertThat(locks).hasSize(1);
    assertThat(locks.get(0).detail()).hasValueSatisfying(d -> assertThat(d).contains("30 s"));
    assertThat(rows("user.sign-in-failed", unknown))
        .singleElement()
        .satisfies(row -> assertThat(row.detail()).contains("no such account"));
  }

  @Test
  void tokenCreationAndRevocationAreRecordedWithoutTheSecret() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    String secret;
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);
      browser.go("account.xhtml");
      browser.type("#token-form\\:name", "nightly export");
      browser.click("token-form:create");
      secret = browser.await("#issued-token").getText();
      browser.go("account.xhtml");
      assertThat(browser.submitConfirmed(browser.find("#token-list input[type=submit]")))
          .startsWith("Revoke the token 'nightly export'?");
    }
    UUID owner = userId(username);

    List<Row> created = rowsBy("token.create", owner);
    List<Row> revoked = rowsBy("token.revoke", owner);

    assertThat(created).singleElement();
    assertThat(created.get(0).detail())
        .hasValueSatisfying(
            d ->
                assertThat(d)
                    .contains("nightly export")
                    .contains(secret.substring(0, 12))
                    .doesNotContain(secret));
    assertThat(revoked).singleElement();
    assertThat(revoked.get(0).target()).isEqualTo(created.get(0).target());
    assertThat(api.count("SELECT count(*) FROM api_tokens WHERE owner_id = ?", owner)).isZero();
  }

  @Test
  void deletingAnAccountIsRecordedOnceItIsGone() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    UUID id;
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);
      id = userId(username);
      browser.go("account.xhtml");
      browser.find("[id='delete-form:confirm']").sendKeys(username);
      browser.click("delete-form:delete");
      browser.await(".hero");
    }

    List<Row> rows = rows("user.delete", id.toString());

    assertThat(api.count("SELECT count(*) FROM users WHERE id = ?", id)).isZero();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).actorName()).isEqualTo(username);
    assertThat(rows.get(0).actorId()).isEmpty();
  }

  @Test
  void everySampleChangeByTheAdminIsRecordedAndShownOnTheAuditPage() {
    String name = "Audit sample " + UUID.randomUUID().toString().substring(0, 6);
    UUID admin = userId("admin");
    String sample;
    try (Browser browser = Browser.open()) {
      assertThat(signIn(browser, "admin", RunningApp.ADMIN_PASSWORD)).isTrue();
      browser.go("admin/samples.xhtml");
      browser.type("#add\\:name", name);
      browser.choose("add:file", WAV);
      browser.click("add:submit");
      assertThat(browser.await(".message.info").getText()).contains(name);
      sample = sampleId(name).toString();
      browser.submit(sampleButton(browser, name, "Unpublish"));
      assertThat(browser.await(".message.info").getText())
          .isEqualTo("Unpublished the sample '" + name + "': only admins see it now.");
      browser.submit(sampleButton(browser, name, "Publish"));
      assertThat(browser.submitConfirmed(sampleButton(browser, name, "Delete")))
          .startsWith("Delete the sample '" + name + "'");
      assertThat(browser.await(".message.info").getText())
          .isEqualTo("Deleted the sample '" + name + "' and its audio.");

      browser.go("admin/audit.xhtml");
      List<String> shown =
          browser.all("#audit-table .audit-row").stream()
              .map(row -> row.getAttribute("data-action"))
              .toList();
      assertThat(shown.subList(0, 4))
          .containsExactly("sample.delete", "sample.publish", "sample.unpublish", "sample.add");
      assertThat(browser.find("#audit-table").getText()).contains(sample).contains(name);
    }

    assertThat(rows("sample.add", sample))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.actorId()).contains(admin);
              assertThat(row.actorName()).isEqualTo("admin");
              assertThat(row.detail()).contains(name);
            });
    assertThat(rows("sample.unpublish", sample)).hasSize(1);
    assertThat(rows("sample.publish", sample)).hasSize(1);
    assertThat(rows("sample.delete", sample)).hasSize(1);
  }

  @Test
  void anOrdinaryUserCannotReadTheAuditLog() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);

      browser.go("admin/audit.xhtml");

      assertThat(browser.await("#error-403").getText()).contains("Not yours");
      assertThat(browser.driver.getPageSource()).doesNotContain("audit-row");
    }
  }

  /** Whether the login form let this name and password in. */
  private static boolean signIn(Browser browser, String username, String password) {
    browser.go("login.xhtml");
    browser.type("#login\\:username", username);
    browser.type("#login\\:password", password);
    browser.submit(browser.find("#login\\:submit"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(60))
        .until(
            d ->
                !browser.currentPath().equals("/login.xhtml")
                    || !browser.all(".message.error").isEmpty());
    return !browser.currentPath().equals("/login.xhtml");
  }

  private static WebElement sampleButton(Browser browser, String sample, String label) {
    return browser
        .find("tr.sample-row[data-name='" + sample + "']")
        .findElement(By.cssSelector("input[type=submit][value='" + label + "']"));
  }

  private UUID insertUser(String username, String passwordHash) {
    UUID id = UUID.randomUUID();
    try (Connection db = app.database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO users (id, username, password_hash, role, created_at)"
                    + " VALUES (?, ?, ?, 'USER', ?)")) {
      insert.setObject(1, id);
      insert.setString(2, username);
      insert.setString(3, passwordHash);
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  private UUID userId(String username) {
    return single("SELECT id FROM users WHERE username = ?", username, UUID.class);
  }

  private UUID sampleId(String name) {
    return single("SELECT id FROM sample_recordings WHERE name = ?", name, UUID.class);
  }

  private String passwordHash(String username) {
    return single("SELECT password_hash FROM users WHERE username = ?", username, String.class);
  }

  private <T> T single(String sql, Object parameter, Class<T> type) {
    try (Connection db = app.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setObject(1, parameter);
      try (ResultSet result = query.executeQuery()) {
        assertThat(result.next()).as("a row for %s", parameter).isTrue();
        return result.getObject(1, type);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Row> rows(String action, String target) {
    return query("action = ? AND target = ?", action, target);
  }

  private List<Row> rowsBy(String action, UUID actor) {
    return query("action = ? AND actor_id = ?", action, actor);
  }

  private List<Row> query(String where, Object... parameters) {
    try (Connection db = app.database();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT actor_id, actor_name, action, target, detail, created_at FROM audit_log"
                    + " WHERE "
                    + where
                    + " ORDER BY created_at")) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          rows.add(
              new Row(
                  Optional.ofNullable(result.getObject(1, UUID.class)),
                  result.getString(2),
                  result.getString(3),
                  result.getString(4),
                  Optional.ofNullable(result.getString(5)),
                  result.getTimestamp(6).toInstant()));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
