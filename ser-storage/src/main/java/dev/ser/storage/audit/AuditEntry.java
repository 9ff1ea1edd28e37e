package dev.ser.storage.audit;

import dev.ser.domain.account.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One admin action: who did what to which thing, when.
 *
 * @param actor the admin's account; empty once that account is deleted
 * @param actorName the admin's username at the time
 * @param action a stable verb such as {@code sample.add}, {@code sample.publish}, {@code
 *     user.delete}
 * @param target what it was done to, e.g. a sample id
 * @param detail free text, e.g. the new name
 * @param at when
 */
public record AuditEntry(
    Optional<UserId> actor,
    String actorName,
    String action,
    Optional<String> target,
    Optional<String> detail,
    Instant at) {
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

  public AuditEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(actorName, "actorName");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
    if (!ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException("action must be a dotted lower-case verb: " + action);
    }
    target = target.map(t -> t.length() > 255 ? t.substring(0, 255) : t);
  }
}
