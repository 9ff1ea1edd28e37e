package dev.ser.storage.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.TimelineSegment;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * Stores a prediction's timeline (or its speech segments) in a jsonb column as {@code [{"start":
 * 0.0, "end": 3.0, "probabilities": [six numbers in Emotion order]}, ...]}, a shape other tools can
 * read without our classes.
 */
@Converter
public class TimelineJson implements AttributeConverter<List<TimelineSegment>, Object> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Segment>> SEGMENTS = new TypeReference<>() {};

  record Segment(double start, double end, double[] probabilities) {}

  /** The rows of a timeline, as stored. */
  static List<Segment> rows(List<TimelineSegment> timeline) {
    return (timeline == null ? List.<TimelineSegment>of() : timeline)
        .stream()
            .map(s -> new Segment(s.startSeconds(), s.endSeconds(), s.scores().probabilities()))
            .toList();
  }

  /** A timeline from its stored rows. */
  static List<TimelineSegment> segments(List<Segment> rows) {
    return rows.stream()
        .map(s -> new TimelineSegment(s.start(), s.end(), new EmotionScores(s.probabilities())))
        .toList();
  }

  @Override
  public Object convertToDatabaseColumn(List<TimelineSegment> timeline) {
    try {
      return JSON.writeValueAsString(rows(timeline));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a timeline as JSON", e);
    }
  }

  @Override
  public List<TimelineSegment> convertToEntityAttribute(Object column) {
    // The driver hands jsonb back as a PGobject whose text is the JSON.
    String json = column == null ? "" : column.toString();
    if (json.isBlank()) {
      return List.of();
    }
    try {
      return segments(JSON.readValue(json, SEGMENTS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the stored timeline is not valid JSON: " + e.getMessage(), e);
    }
  }
}
