package dev.ser.storage.testing;

import dev.ser.domain.account.UserId;
import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Small, valid values for storage tests. */
public final class Fixtures {
  private Fixtures() {}

  public static byte[] audio(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  public static Recording upload(Optional<UserId> owner, byte[] audio, Instant at) {
    return Recording.create(
        owner,
        RecordingSource.UPLOAD,
        new AudioDescription("audio/wav", "wav", 5.0, audio.length),
        Optional.of("clip.wav"),
        at);
  }

  public static Prediction prediction() {
    var scores = new EmotionScores(new double[] {0.05, 0.05, 0.1, 0.6, 0.15, 0.05});
    var early = new EmotionScores(new double[] {0.1, 0.1, 0.1, 0.5, 0.1, 0.1});
    var late = new EmotionScores(new double[] {0.0, 0.0, 0.1, 0.7, 0.2, 0.0});
    return new Prediction(
        scores,
        "cnn-gru-test",
        5.0,
        List.of(new TimelineSegment(0, 3, early), new TimelineSegment(2, 5, late)),
        List.of(new TimelineSegment(0.4, 2.1, early), new TimelineSegment(2.9, 4.8, late)));
  }
}
