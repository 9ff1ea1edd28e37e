package dev.ser.web.account;

import dev.ser.domain.account.ApiToken;
import dev.ser.domain.account.ApiTokenId;
import dev.ser.domain.account.IssuedApiToken;
import dev.ser.storage.token.ApiTokens;
import dev.ser.web.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** What a signed-in person does with their own account: API tokens, and deleting everything. */
@ApplicationScoped
public class Accounts {
  @Inject Storage storage;

  public List<ApiToken> tokens(Caller caller) {
    return storage.database().inTransaction(em -> new ApiTokens(em).of(caller.requireUserId()));
  }

  public IssuedApiToken issueToken(Caller caller, String name) {
    return storage
        .database()
        .inTransaction(em -> new ApiTokens(em).issue(caller.requireUserId(), name, Instant.now()));
  }

  public void revokeToken(Caller caller, ApiTokenId id) {
    storage.database().execute(em -> new ApiTokens(em).revoke(id, caller.requireUserId()));
  }

  /** The account, its recordings with their audio, and its tokens; cannot be undone. */
  public void deleteEverything(Caller caller) {
    storage.archive().deleteAccount(caller.requireUserId());
  }
}
