package dev.ser.storage.audit;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One admin action or security event: who did what to which thing, when. Target and detail may
 * carry text a visitor typed (a username at a failed sign-in), so control characters are replaced
 * and lengths capped before anything is stored or shown.
 *
 * @param actor the acting account; empty for an anonymous visitor, the system, or once that account
 *     is deleted
 * @param actorName the account's username at the time, {@value #SYSTEM}, or {@code anonymous
 *     <address>}
 * @param action a stable verb such as {@code sample.add}, {@code sample.publish}, {@code
 *     user.delete}, {@code user.sign-in-failed}
 * @param target what it was done to, e.g. a sample id or a username
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
  public static final String SYSTEM = "system";
  static final int MAX_TARGET = 255;
  static final int MAX_DETAIL = 1000;
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

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
    actorName = clean(actorName, 254);
    target = target.map(t -> clean(t, MAX_TARGET));
    detail = detail.map(d -> clean(d, MAX_DETAIL));
  }

  /** What a signed-in account did to a target. */
  public static AuditEntry by(Account actor, String action, String target, Instant at) {
    return new AuditEntry(
        Optional.of(actor.id()),
        actor.username().value(),
        action,
        Optional.of(target),
        Optional.empty(),
        at);
  }

  /** What someone not signed in tried, known only by their network address. */
  public static AuditEntry anonymous(String address, String action, String target, Instant at) {
    return new AuditEntry(
        Optional.empty(),
        "anonymous " + address,
        action,
        Optional.of(target),
        Optional.empty(),
        at);
  }

  /** What the application did by itself, such as creating the first admin. */
  public static AuditEntry bySystem(String action, String target, Instant at) {
    return new AuditEntry(
        Optional.empty(), SYSTEM, action, Optional.of(target), Optional.empty(), at);
  }

  public AuditEntry withDetail(String detail) {
    return new AuditEntry(actor, actorName, action, target, Optional.of(detail), at);
  }

  private static String clean(String text, int maxLength) {
    String visible = CONTROL.matcher(text).replaceAll("?");
    return visible.length() > maxLength ? visible.substring(0, maxLength) : visible;
  }
}
