package dev.ser.storage.recording;

import dev.ser.domain.emotion.ChannelPrediction;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import dev.ser.domain.recording.RecordingId;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code predictions}: one per recording, the six probabilities as columns (so reports can
 * query them), the timeline and the speech segments as jsonb.
 */
@Entity
@Table(name = "predictions")
public class PredictionEntity {
  @Id
  @Column(name = "recording_id")
  private UUID recordingId;

  @Column(name = "p_anger", nullable = false)
  private double anger;

  @Column(name = "p_disgust", nullable = false)
  private double disgust;

  @Column(name = "p_fear", nullable = false)
  private double fear;

  @Column(name = "p_happy", nullable = false)
  private double happy;

  @Column(name = "p_neutral", nullable = false)
  private double neutral;

  @Column(name = "p_sad", nullable = false)
  private double sad;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Emotion emotion;

  @Column(nullable = false)
  private double confidence;

  @Column(name = "model_version", nullable = false)
  private String modelVersion;

  @Column(name = "duration_seconds", nullable = false)
  private double durationSeconds;

  @Convert(converter = TimelineJson.class)
  @Column(nullable = false)
  private List<TimelineSegment> timeline;

  @Convert(converter = TimelineJson.class)
  @Column(nullable = false)
  private List<TimelineSegment> segments;

  @Convert(converter = ChannelsJson.class)
  @Column(nullable = false)
  private List<ChannelPrediction> channels;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected PredictionEntity() {}

  PredictionEntity(RecordingId recording, Prediction prediction, Instant createdAt) {
    double[] p = prediction.scores().probabilities();
    this.recordingId = recording.value();
    this.anger = p[Emotion.ANGER.ordinal()];
    this.disgust = p[Emotion.DISGUST.ordinal()];
    this.fear = p[Emotion.FEAR.ordinal()];
    this.happy = p[Emotion.HAPPY.ordinal()];
    this.neutral = p[Emotion.NEUTRAL.ordinal()];
    this.sad = p[Emotion.SAD.ordinal()];
    this.emotion = prediction.emotion();
    this.confidence = prediction.confidence();
    this.modelVersion = prediction.modelVersion();
    this.durationSeconds = prediction.durationSeconds();
    this.timeline = prediction.timeline();
    this.segments = prediction.segments();
    this.channels = prediction.channels();
    this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
  }

  Prediction toPrediction() {
    double[] p = new double[Emotion.count()];
    p[Emotion.ANGER.ordinal()] = anger;
    p[Emotion.DISGUST.ordinal()] = disgust;
    p[Emotion.FEAR.ordinal()] = fear;
    p[Emotion.HAPPY.ordinal()] = happy;
    p[Emotion.NEUTRAL.ordinal()] = neutral;
    p[Emotion.SAD.ordinal()] = sad;
    return new Prediction(
        new EmotionScores(p), modelVersion, durationSeconds, timeline, segments, channels);
  }
}
