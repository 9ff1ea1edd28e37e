package dev.ser.web.account;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.ApiToken;
import dev.ser.domain.account.ApiTokenId;
import dev.ser.domain.account.IssuedApiToken;
import dev.ser.domain.recording.RecordingId;
import dev.ser.storage.audit.AuditEntry;
import dev.ser.storage.audit.AuditLog;
import dev.ser.storage.recording.Recordings;
import dev.ser.storage.token.ApiTokens;
import dev.ser.web.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed-in person does with their own account: taking in what they analysed before signing
 * in, API tokens, and deleting everything. Each change writes an audit row; claims and tokens in
 * the same transaction as the change.
 */
@ApplicationScoped
public class Accounts {
  @Inject Storage storage;

  /**
   * Makes the analyses this browser session made anonymously the signed-in caller's: they join the
   * account's history and anonymous retention no longer deletes them. Only recordings the session
   * remembers making and that still have no owner move, so nobody can take another's.
   *
   * @return how many became the account's
   */
  public int claimVisitorsAnalyses(Caller caller) {
    Account account = caller.requireAccount();
    Optional<Visitor> visitor = caller.visitor();
    Set<RecordingId> made = visitor.map(Visitor::recordings).orElse(Set.of());
    if (made.isEmpty()) {
      return 0;
    }
    int claimed =
        storage
            .database()
            .inTransaction(
                em -> {
                  int changed = new Recordings(em).claim(made, account.id());
                  if (changed > 0) {
                    new AuditLog(em)
                        .record(
                            AuditEntry.by(
                                    account,
                                    "recording.claim",
                                    account.id().toString(),
                                    Instant.now())
                                .withDetail(
                                    changed
                                        + (changed == 1 ? " analysis" : " analyses")
                                        + " made without an account in the same browser"
                                        + " session"));
                  }
                  return changed;
                });
    visitor.get().forget(made);
    return claimed;
  }

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
