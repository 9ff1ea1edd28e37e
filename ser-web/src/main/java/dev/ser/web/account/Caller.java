package dev.ser.web.account;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.account.UserId;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingNotFoundException;
import java.util.Optional;

/**
 * Who is making this request: a signed-in account, or an anonymous visitor whose session made some
 * recordings. Whether a recording may be seen is decided here, for pages, API and media.
 */
public record Caller(Optional<Account> account, Optional<Visitor> visitor, String address) {

  public static Caller anonymous(Visitor visitor) {
    return new Caller(Optional.empty(), Optional.ofNullable(visitor), "unknown");
  }

  /** Who to count limits against: the account, else the network address. */
  public String clientKey() {
    return account.map(a -> "account:" + a.id().value()).orElse("address:" + address);
  }

  public Optional<UserId> userId() {
    return account.map(Account::id);
  }

  /** The signed-in account; an anonymous caller gets {@code unauthorized}. */
  public Account requireAccount() {
    return account.orElseThrow(
        () -> new SerException("unauthorized", "Sign in (or send an API token) first."));
  }

  /** The signed-in account's id; an anonymous caller gets {@code unauthorized}. */
  public UserId requireUserId() {
    return requireAccount().id();
  }

  public boolean isSignedIn() {
    return account.isPresent();
  }

  public boolean isAdmin() {
    return account.filter(Account::isAdmin).isPresent();
  }

  /**
   * The owner may see their recording; an anonymous recording only the session that made it. Admins
   * get no exception: the history is private.
   */
  public boolean maySee(Recording recording) {
    if (recording.owner().isPresent()) {
      return account.filter(a -> recording.isOwnedBy(a.id())).isPresent();
    }
    return visitor.filter(v -> v.made(recording.id())).isPresent();
  }

  /** The recording if this caller may see it; else "not found", never "forbidden". */
  public Recording requireVisible(Recording recording) {
    if (!maySee(recording)) {
      throw new RecordingNotFoundException(recording.id());
    }
    return recording;
  }
}
