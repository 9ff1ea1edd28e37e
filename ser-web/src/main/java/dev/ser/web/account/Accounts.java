package dev.ser.web.account;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.ApiToken;
import dev.ser.domain.account.ApiTokenId;
import dev.ser.domain.account.IssuedApiToken;
import dev.ser.storage.audit.AuditEntry;
import dev.ser.storage.audit.AuditLog;
import dev.ser.storage.token.ApiTokens;
import dev.ser.web.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a signed-in person does with their own account: API tokens, and deleting everything. Each
 * change writes an audit row; tokens in the same transaction as the change.
 */
@ApplicationScoped
public class Accounts {
  @Inject Storage storage;

  public List<ApiToken> tokens(Caller caller) {
    return storage.database().inTransaction(em -> new ApiTokens(em).of(caller.requireUserId()));
  }

  public IssuedApiToken issueToken(Caller caller, String name) {
    Account account = caller.requireAccount();
    return storage
        .database()
        .inTransaction(
            em -> {
              IssuedApiToken issued = new ApiTokens(em).issue(account.id(), name, Instant.now());
              new AuditLog(em)
                  .record(
                      AuditEntry.by(
                              account,
                              "token.create",
                              issued.token().id().toString(),
                              Instant.now())
                          .withDetail(
                              "'"
                                  + issued.token().name()
                                  + "' ("
                                  + issued.token().displayPrefix()
                                  + "...)"));
              return issued;
            });
  }

  public void revokeToken(Caller caller, ApiTokenId id) {
    Account account = caller.requireAccount();
    storage
        .database()
        .execute(
            em -> {
              new ApiTokens(em).revoke(id, account.id());
              new AuditLog(em)
                  .record(AuditEntry.by(account, "token.revoke", id.toString(), Instant.now()));
            });
  }

  /**
   * The account, its recordings with their audio, and its tokens; cannot be undone. The audit row
   * is written once the account is gone, so it names the account only by its id and username.
   */
  public void deleteEverything(Caller caller) {
    Account account = caller.requireAccount();
    storage.archive().deleteAccount(account.id());
    storage
        .database()
        .execute(
            em ->
                new AuditLog(em)
                    .record(
                        new AuditEntry(
                            Optional.empty(),
                            account.username().value(),
                            "user.delete",
                            Optional.of(account.id().toString()),
                            Optional.of("deleted their own account, recordings and tokens"),
                            Instant.now())));
  }
}
