package dev.ser.web.analysis;

import dev.ser.audio.decode.AudioSource;
import dev.ser.audio.decode.ChannelMode;
import dev.ser.audio.feature.Features;
import dev.ser.domain.SerException;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.RecordingNotFoundException;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.domain.recording.SampleId;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.storage.blob.StoredAudio;
import dev.ser.storage.recording.Recordings;
import dev.ser.storage.samples.Samples;
import dev.ser.web.Storage;
import dev.ser.web.WebSettings;
import dev.ser.web.account.Caller;
import dev.ser.web.metrics.AnalysisMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The use case behind the home page and {@code POST /api/v1/predictions}: audio in, a stored
 * prediction out; and reading, playing and deleting what was stored, for whoever may see it.
 *
 * <p>Order matters: every check that can refuse the audio (size, declared type, decoding, silence)
 * runs before the model, and the model runs before anything is written, so bad input leaves no
 * trace. Writing goes through ser-storage's {@code RecordingArchive}, one transaction per write,
 * which stores the blob first and deletes it again if the rows fail.
 */
@ApplicationScoped
public class Analyses {
  @Inject Pipeline pipeline;
  @Inject Storage storage;
  @Inject WebSettings settings;
  @Inject AnalysisGate gate;
  @Inject AnalysisMetrics metrics;

  /** Analyses an upload as one voice, its channels mixed. */
  public AnalysedRecording analyse(Upload upload, Caller caller) {
    return analyse(upload, ChannelMode.MIXED, caller);
  }

  /** Analyses an upload, its channels mixed or each on its own. */
  public AnalysedRecording analyse(Upload upload, ChannelMode mode, Caller caller) {
    return counted(() -> gate.through(caller, () -> analyseNow(upload, mode, caller)));
  }

  /**
   * Refuses an upload over the size limit ({@code upload_too_large}) or declared as something other
   * than audio ({@code unsupported_media_type}), before anything is decoded or stored.
   */
  public void requireAcceptable(Upload upload) {
    if (upload.size() > settings.maxUploadBytes()) {
      throw Upload.tooLarge(settings.maxUploadBytes());
    }
    if (!MediaTypes.mayBeAudio(upload.declaredType())) {
      throw new SerException(
          "unsupported_media_type",
          "Expected audio (WAV, MP3, M4A, FLAC, OGG or WebM), got "
              + upload.declaredType().orElse("nothing")
              + ".");
    }
  }

  /** Analyses a published library sample; the recording shares the sample's audio. */
  public AnalysedRecording analyseSample(SampleId id, Caller caller) {
    return counted(() -> gate.through(caller, () -> analyseSampleNow(id, caller)));
  }

  /** An analysis, counted on /metrics: its emotion and time, or its error code. */
  private AnalysedRecording counted(Supplier<AnalysedRecording> analysis) {
    long start = System.nanoTime();
    try {
      AnalysedRecording analysed = analysis.get();
      metrics.predicted(
          analysed.prediction(),
          analysed.recording().source(),
          Duration.ofNanos(System.nanoTime() - start));
      return analysed;
    } catch (RuntimeException e) {
      metrics.refused(e);
      throw e;
    }
  }

  private AnalysedRecording analyseNow(Upload upload, ChannelMode mode, Caller caller) {
    requireAcceptable(upload);
    Pipeline.Analysis analysis = pipeline.analyse(upload.bytes(), mode);
    AudioSource audio = analysis.source();
    Recording recording =
        Recording.create(
            caller.userId(),
            upload.source(),
            new AudioDescription(
                MediaTypes.forStorage(audio.format(), upload.declaredType()),
                audio.format(),
                analysis.prediction().durationSeconds(),
                upload.size()),
            upload.filename(),
            Instant.now());
    AnalysedRecording stored =
        storage.archive().store(recording, upload.bytes(), analysis.prediction());
    rememberIfAnonymous(caller, stored);
    return stored;
  }

  private AnalysedRecording analyseSampleNow(SampleId id, Caller caller) {
    SampleRecording sample =
        storage.database().inTransaction(em -> new Samples(em).requirePublished(id));
    byte[] bytes;
    try (StoredAudio stored =
        storage
            .samples()
            .openAudio(id)
            .orElseThrow(() -> new SerException("not_found", "no sample '" + id + "'"))) {
      bytes = stored.readAllBytes();
    }
    Prediction prediction = pipeline.analyse(bytes, ChannelMode.MIXED).prediction();
    Recording recording =
        Recording.create(
            caller.userId(),
            RecordingSource.SAMPLE,
            sample.audio(),
            Optional.empty(),
            Instant.now());
    AnalysedRecording stored = storage.archive().storeFromSample(recording, id, prediction);
    rememberIfAnonymous(caller, stored);
    return stored;
  }

  /** The recording if the caller may see it; otherwise, or if there is none, {@code not_found}. */
  public AnalysedRecording find(RecordingId id, Caller caller) {
    return storage
        .database()
        .inTransaction(em -> new Recordings(em).find(id))
        .filter(found -> caller.maySee(found.recording()))
        .orElseThrow(() -> new RecordingNotFoundException(id));
  }

  /** One page of the signed-in caller's history, newest first. */
  public List<AnalysedRecording> history(Caller caller, int offset, int limit) {
    return history(caller, "", offset, limit);
  }

  /**
   * One page of the signed-in caller's history matching {@code search} (a file name's part, an
   * emotion or a source; blank for all), newest first.
   */
  public List<AnalysedRecording> history(Caller caller, String search, int offset, int limit) {
    return storage
        .database()
        .inTransaction(
            em -> new Recordings(em).historyOf(caller.requireUserId(), search, offset, limit));
  }

  public long historySize(Caller caller) {
    return historySize(caller, "");
  }

  /** How many of the caller's recordings match {@code search}. */
  public long historySize(Caller caller, String search) {
    return storage
        .database()
        .inTransaction(em -> new Recordings(em).countOf(caller.requireUserId(), search));
  }

  /** Deletes one of the caller's recordings with its audio. */
  public void delete(RecordingId id, Caller caller) {
    storage.archive().deleteOwned(id, caller.requireUserId());
  }

  /** The stored audio of a recording the caller may see, for streaming; the caller closes it. */
  public StoredMedia audio(RecordingId id, Caller caller) {
    AnalysedRecording found = find(id, caller);
    return new StoredMedia(
        storage.archive().openAudio(id), found.recording().audio().contentType());
  }

  /**
   * A recording's audio, opened for someone who may see it, decoded again for its waveform and
   * spectrogram pictures: its first {@link Pipeline#PICTURE_SECONDS} s, mixed. Closes the audio.
   */
  public float[] pictureSamples(StoredMedia media) {
    try (StoredAudio stored = media.audio()) {
      return pipeline.pictureSamples(stored.readAllBytes());
    }
  }

  /** The model's features of 16 kHz samples, e.g. the log-mel spectrogram it saw. */
  public Features features(float[] samples) {
    return pipeline.features(samples);
  }

  private static void rememberIfAnonymous(Caller caller, AnalysedRecording stored) {
    if (!caller.isSignedIn()) {
      caller.visitor().ifPresent(visitor -> visitor.remember(stored.id()));
    }
  }
}
