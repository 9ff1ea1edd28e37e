package dev.ser.web.audit;

import dev.ser.storage.audit.AuditEntry;
import dev.ser.web.account.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The admin's audit log page: the latest entries, read-only. */
@Named
@RequestScoped
public class AuditBacking {
  @Inject AuditTrail trail;
  @Inject CurrentCaller caller;

  private List<AuditEntry> entries;

  public List<AuditEntry> getEntries() {
    if (entries == null) {
      entries = trail.latest(caller.inBrowser());
    }
    return entries;
  }
}
