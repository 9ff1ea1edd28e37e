package dev.ser.web.audit;

import dev.ser.domain.SerException;
import dev.ser.storage.audit.AuditEntry;
import dev.ser.storage.audit.AuditLog;
import dev.ser.web.Storage;
import dev.ser.web.account.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Reading the audit log, for admins only (checked here as well as by the {@code /admin/*}
 * constraint). Writing is done by each action, in its own transaction.
 */
@ApplicationScoped
public class AuditTrail {
  static final int SHOWN = 200;

  @Inject Storage storage;

  /** The newest {@value #SHOWN} entries, newest first. */
  public List<AuditEntry> latest(Caller caller) {
    if (!caller.isAdmin()) {
      throw new SerException("forbidden", "Only administrators read the audit log.");
    }
    return storage.database().inTransaction(em -> new AuditLog(em).recent(SHOWN));
  }
}
