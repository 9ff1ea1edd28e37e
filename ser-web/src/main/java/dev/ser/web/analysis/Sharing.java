package dev.ser.web.analysis;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.RecordingNotFoundException;
import dev.ser.storage.audit.AuditEntry;
import dev.ser.storage.audit.AuditLog;
import dev.ser.storage.recording.Recordings;
import dev.ser.storage.share.ShareKey;
import dev.ser.storage.share.Shares;
import dev.ser.web.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The use case behind "Share" and "Stop sharing" on a result page (and the API's {@code
 * /predictions/{id}/share}): a signed-in owner gives one of their results a read-only link, which
 * anyone who has it may open without signing in, until the owner stops sharing it or deletes the
 * result. An anonymous result cannot be shared: it is not the visitor's to publish.
 *
 * <p>Every way a link can fail (malformed, unknown, revoked, its result deleted) is the same {@code
 * not_found}, so nobody learns whether a key ever existed.
 */
@ApplicationScoped
public class Sharing {
  /** The shared page, relative to the application's root; the key follows. */
  static final String PAGE = "shared.xhtml?key=";

  @Inject Storage storage;

  /**
   * Shares one of the owner's results under a new key, replacing any earlier link; the key is
   * returned once and never stored.
   */
  public ShareKey share(RecordingId id, Account owner) {
    return storage
        .database()
        .inTransaction(
            em -> {
              requireOwned(em, id, owner);
              Instant now = Instant.now();
              ShareKey key = new Shares(em).share(id, now);
              new AuditLog(em).record(AuditEntry.by(owner, "recording.share", id.toString(), now));
              return key;
            });
  }

  /** Stops sharing one of the owner's results; nothing happens if it was not shared. */
  public void unshare(RecordingId id, Account owner) {
    storage
        .database()
        .execute(
            em -> {
              requireOwned(em, id, owner);
              Instant now = Instant.now();
              if (new Shares(em).revoke(id)) {
                new AuditLog(em)
                    .record(AuditEntry.by(owner, "recording.unshare", id.toString(), now));
              }
            });
  }

  /** When the owner's result was shared; empty when it is not. */
  public Optional<Instant> sharedSince(RecordingId id, Account owner) {
    return storage
        .database()
        .inTransaction(
            em -> {
              requireOwned(em, id, owner);
              return new Shares(em).sharedSince(id);
            });
  }

  /** The result a share link's key opens, to anyone who has it. */
  public AnalysedRecording open(String key) {
    ShareKey shareKey = new ShareKey(key);
    return storage
        .database()
        .inTransaction(
            em -> new Shares(em).recordingOf(shareKey).flatMap(id -> new Recordings(em).find(id)))
        .orElseThrow(() -> new SerException("not_found", "no shared result with that link"));
  }

  /** The audio of the result a share link's key opens, for streaming; the caller closes it. */
  public StoredMedia audio(String key) {
    AnalysedRecording shared = open(key);
    return new StoredMedia(
        storage.archive().openAudio(shared.id()), shared.recording().audio().contentType());
  }

  /** The link that opens {@code key}'s result, on the host and port {@code request} came to. */
  public static URI link(HttpServletRequest request, ShareKey key) {
    return URI.create(request.getRequestURL().toString())
        .resolve(request.getContextPath() + "/" + PAGE + key.value());
  }

  private static void requireOwned(EntityManager em, RecordingId id, Account owner) {
    if (new Recordings(em).findOwned(id, owner.id()).isEmpty()) {
      throw new RecordingNotFoundException(id);
    }
  }
}
