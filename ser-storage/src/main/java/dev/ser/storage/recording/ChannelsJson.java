package dev.ser.storage.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.domain.emotion.ChannelPrediction;
import dev.ser.domain.emotion.EmotionScores;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Optional;

/**
 * Stores the channels of a prediction analysed one channel at a time in a jsonb column as {@code
 * [{"channel": 0, "probabilities": [six numbers in Emotion order] or null, "segments": [...],
 * "timeline": [...]}]}, segments and timeline in {@link TimelineJson}'s shape.
 */
@Converter
public class ChannelsJson implements AttributeConverter<List<ChannelPrediction>, Object> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Channel>> CHANNELS = new TypeReference<>() {};

  record Channel(
      int channel,
      double[] probabilities,
      List<TimelineJson.Segment> segments,
      List<TimelineJson.Segment> timeline) {}

  @Override
  public Object convertToDatabaseColumn(List<ChannelPrediction> channels) {
    List<Channel> rows =
        (channels == null ? List.<ChannelPrediction>of() : channels)
            .stream()
                .map(
                    c ->
                        new Channel(
                            c.channel(),
                            c.scores().map(EmotionScores::probabilities).orElse(null),
                            TimelineJson.rows(c.segments()),
                            TimelineJson.rows(c.timeline())))
                .toList();
    try {
      return JSON.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write channels as JSON", e);
    }
  }

  @Override
  public List<ChannelPrediction> convertToEntityAttribute(Object column) {
    String json = column == null ? "" : column.toString();
    if (json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, CHANNELS).stream()
          .map(
              c ->
                  new ChannelPrediction(
                      c.channel(),
                      Optional.ofNullable(c.probabilities()).map(EmotionScores::new),
                      TimelineJson.segments(c.segments()),
                      TimelineJson.segments(c.timeline())))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the stored channels are not valid JSON: " + e.getMessage(), e);
    }
  }
}
