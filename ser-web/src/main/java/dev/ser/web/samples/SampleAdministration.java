package dev.ser.web.samples;

import dev.ser.audio.decode.ChannelMode;
import dev.ser.domain.SerException;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.SampleId;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.storage.audit.AuditEntry;
import dev.ser.storage.audit.AuditLog;
import dev.ser.storage.blob.StoredAudio;
import dev.ser.storage.samples.Samples;
import dev.ser.web.Storage;
import dev.ser.web.account.Caller;
import dev.ser.web.analysis.Pipeline;
import dev.ser.web.analysis.StoredMedia;
import dev.ser.web.analysis.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The sample library: what visitors may pick, and what admins may change. Every change checks the
 * caller is an admin here, not only on the page, so no other way in can skip it.
 */
@ApplicationScoped
public class SampleAdministration {
  @Inject Storage storage;
  @Inject Pipeline pipeline;

  public List<SampleRecording> published() {
    return storage.database().inTransaction(em -> new Samples(em).published());
  }

  public List<SampleRecording> all(Caller caller) {
    requireAdmin(caller);
    return storage.samples().all();
  }

  /**
   * Adds a sample after analysing it as every upload is, so a sample never fails when a visitor
   * picks it (bad audio, silence, no speech).
   */
  public SampleRecording add(
      Caller caller, String name, Emotion expected, boolean published, Upload upload) {
    requireAdmin(caller);
    Pipeline.Analysis audio = pipeline.analyse(upload.bytes(), ChannelMode.MIXED);
    String contentType =
        upload.declaredType().filter(t -> t.startsWith("audio/")).orElse("audio/wav");
    SampleRecording added;
    try {
      added =
          storage
              .samples()
              .add(
                  SampleRecording.validName(name),
                  expected,
                  published,
                  upload.bytes(),
                  new AudioDescription(
                      contentType,
                      audio.source().format(),
                      audio.prediction().durationSeconds(),
                      upload.size()));
    } catch (IllegalArgumentException e) {
      throw new SerException("bad_sample", e.getMessage());
    }
    audit(caller, "sample.add", added.id(), added.name());
    return added;
  }

  public void setPublished(Caller caller, SampleId id, boolean published) {
    requireAdmin(caller);
    storage
        .database()
        .execute(
            em -> {
              new Samples(em).setPublished(id, published);
              new AuditLog(em)
                  .record(entry(caller, published ? "sample.publish" : "sample.unpublish", id, ""));
            });
  }

  public void delete(Caller caller, SampleId id) {
    requireAdmin(caller);
    storage.samples().delete(id);
    audit(caller, "sample.delete", id, "");
  }

  /** A sample's audio: published ones to anyone, unpublished ones to admins only. */
  public StoredMedia audio(SampleId id, Caller caller) {
    SampleRecording sample =
        storage
            .database()
            .inTransaction(em -> new Samples(em).find(id))
            .filter(s -> s.published() || caller.isAdmin())
            .orElseThrow(() -> new SerException("not_found", "no sample '" + id + "'"));
    StoredAudio audio =
        storage
            .samples()
            .openAudio(id)
            .orElseThrow(() -> new SerException("not_found", "no sample '" + id + "'"));
    return new StoredMedia(audio, sample.audio().contentType());
  }

  private void audit(Caller caller, String action, SampleId id, String detail) {
    storage.database().execute(em -> new AuditLog(em).record(entry(caller, action, id, detail)));
  }

  private static AuditEntry entry(Caller caller, String action, SampleId id, String detail) {
    AuditEntry entry = AuditEntry.by(caller.requireAccount(), action, id.toString(), Instant.now());
    return detail.isEmpty() ? entry : entry.withDetail(detail);
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new SerException("forbidden", "Only administrators manage the sample library.");
    }
  }
}
