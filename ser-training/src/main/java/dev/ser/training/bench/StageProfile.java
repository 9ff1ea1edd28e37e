package dev.ser.training.bench;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodeLimits;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.blob.LocalDiskAudioStore;
import dev.ser.storage.recording.RecordingArchive;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where one request's time goes: the server's stages run here, in this process, one at a time on
 * the benchmark clip (the decoder with the server's limits, the model's feature extractor, the
 * bundled model, a blob write to local disk next to the server's, and the rows written to the
 * server's own database through {@link RecordingArchive}), and their medians are set against the
 * median HTTP latency at one client. The rest is HTTP: the connection, reading the body, JAX-RS,
 * the JSON answer and anything else the server does around the use case.
 *
 * <p>Rows written here are deleted again with their blobs, so the server's history is unchanged.
 */
final class StageProfile {
  private static final double WARM_UP_SECONDS = 2.0;
  private static final double MEASURE_SECONDS = 3.0;
  private static final int STORAGE_WARM_UP = 5;
  private static final int STORAGE_RUNS = 40;

  /** One stage and its median time per request, in milliseconds. */
  record Stage(String name, double medianMs) {}

  private StageProfile() {}

  static List<Stage> measure(byte[] clip, StoreCheck storage, Path scratchParent)
      throws IOException {
    AudioDecoder decoder = new AudioDecoder(DecodeLimits.DEFAULT);
    DecodedAudio audio = decoder.decode(clip).requireSound();
    FeatureExtractor extractor = new FeatureExtractor(FeatureSpec.modelDefault());
    List<Stage> stages = new ArrayList<>();
    stages.add(new Stage("decode", median(() -> decoder.decode(clip).requireSound())));
    double features = median(() -> extractor.extract(audio.samples()));
    stages.add(new Stage("features", features));
    Prediction prediction;
    try (EmotionModel model = EmotionModel.bundled(FeatureSpec.modelDefault())) {
      EmotionRecognizer recognizer = new EmotionRecognizer(model);
      prediction = recognizer.recognize(audio);
      double recognize = median(() -> recognizer.recognize(audio));
      stages.add(new Stage("inference", Math.max(0, recognize - features)));
    }

    Path scratch = Files.createTempDirectory(scratchParent, ".bench-profile-");
    try {
      LocalDiskAudioStore blobs = new LocalDiskAudioStore(scratch.resolve("blob"));
      List<BlobKey> written = new ArrayList<>();
      double blob =
          medianOf(
              () -> {
                BlobKey key = BlobKey.forRecording(RecordingId.random());
                written.add(key);
                blobs.put(key, clip, "audio/wav");
              });
      written.forEach(blobs::delete);
      stages.add(new Stage("blob write (local disk, fsync)", blob));

      RecordingArchive archive =
          new RecordingArchive(
              storage.database(),
              new LocalDiskAudioStore(scratch.resolve("archive")),
              Clock.systemUTC());
      List<RecordingId> stored = new ArrayList<>();
      double blobAndRows =
          medianOf(
              () -> {
                Recording recording =
                    Recording.create(
                        Optional.empty(),
                        RecordingSource.UPLOAD,
                        new AudioDescription(
                            "audio/wav", audio.format(), audio.durationSeconds(), clip.length),
                        Optional.of("bench.wav"),
                        Instant.now());
                stored.add(archive.store(recording, clip, prediction).id());
              });
      stored.forEach(archive::delete);
      stages.add(new Stage("database rows (one transaction)", Math.max(0, blobAndRows - blob)));
    } finally {
      deleteTree(scratch);
    }
    return stages;
  }

  /** The stages as a table against the HTTP median at one client; the remainder is HTTP. */
  static void print(List<Stage> stages, double httpMedianMs, PrintStream out) {
    double inside = stages.stream().mapToDouble(Stage::medianMs).sum();
    out.printf(Locale.ROOT, "%-34s %10s %8s%n", "stage (in-process, median)", "ms", "share");
    for (Stage stage : stages) {
      out.printf(
          Locale.ROOT,
          "%-34s %10.2f %7.1f%%%n",
          stage.name(),
          stage.medianMs(),
          100 * stage.medianMs() / httpMedianMs);
    }
    double rest = httpMedianMs - inside;
    if (rest >= 0) {
      out.printf(
          Locale.ROOT,
          "%-34s %10.2f %7.1f%%%n",
          "HTTP and the rest (by difference)",
          rest,
          100 * rest / httpMedianMs);
    } else {
      out.printf(
          Locale.ROOT,
          "%-34s %10s%n  (the stages, timed here, add up to %.2f ms more than the server's p50: this"
              + " process runs them less warmed up than the server, so read their shares as upper"
              + " bounds)%n",
          "HTTP and the rest (by difference)",
          "n/a",
          -rest);
    }
    out.printf(Locale.ROOT, "%-34s %10.2f %7.1f%%%n", "HTTP p50 at 1 client", httpMedianMs, 100.0);
  }

  private static volatile Object sink;

  private static double median(Supplier<?> work) {
    long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
    while (System.nanoTime() < warmUpEnd) {
      sink = work.get();
    }
    List<Long> times = new ArrayList<>();
    long end = System.nanoTime() + (long) (MEASURE_SECONDS * 1e9);
    while (System.nanoTime() < end || times.size() < 5) {
      long start = System.nanoTime();
      sink = work.get();
      times.add(System.nanoTime() - start);
    }
    return medianMs(times.stream().mapToLong(Long::longValue).toArray());
  }

  private static double medianOf(Runnable work) {
    for (int i = 0; i < STORAGE_WARM_UP; i++) {
      work.run();
    }
    long[] times = new long[STORAGE_RUNS];
    for (int i = 0; i < STORAGE_RUNS; i++) {
      long start = System.nanoTime();
      work.run();
      times[i] = System.nanoTime() - start;
    }
    return medianMs(times);
  }

  private static double medianMs(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
