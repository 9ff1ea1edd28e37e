package dev.ser.web.live;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.web.account.Caller;
import java.util.Optional;

/**
 * Who opened a live stream, as its upgrade request said: the account of a valid token or of the
 * page's session, the network address limits are counted against, and the reason to refuse the
 * stream when the credentials it sent were wrong (told over the socket, not as an HTTP status, so
 * browsers see it too).
 */
record LiveClient(Optional<Account> account, String address, Optional<SerException> refusal) {
  static LiveClient unknown() {
    return new LiveClient(Optional.empty(), "unknown", Optional.empty());
  }

  Caller caller() {
    return new Caller(account, Optional.empty(), address);
  }
}
