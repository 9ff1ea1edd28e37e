package dev.ser.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.TimelineSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineJsonTest {
  private final TimelineJson json = new TimelineJson();

  @Test
  void writesThePublishedShape() {
    var scores = new EmotionScores(new double[] {1, 0, 0, 0, 0, 0});
    Object written = json.convertToDatabaseColumn(List.of(new TimelineSegment(0, 3, scores)));
    assertThat(written)
        .isEqualTo("[{\"start\":0.0,\"end\":3.0,\"probabilities\":[1.0,0.0,0.0,0.0,0.0,0.0]}]");
  }

  @Test
  void readsWhatPostgresHandsBack() {
    // jsonb comes back normalised: keys reordered, spaces after separators.
    String stored = "[{\"end\": 5.5, \"start\": 2.5, \"probabilities\": [0, 0, 0.5, 0.5, 0, 0]}]";
    List<TimelineSegment> timeline = json.convertToEntityAttribute(stored);
    assertThat(timeline)
        .containsExactly(
            new TimelineSegment(2.5, 5.5, new EmotionScores(new double[] {0, 0, 0.5, 0.5, 0, 0})));
  }

  @Test
  void emptyTimelineRoundTrips() {
    assertThat(json.convertToDatabaseColumn(List.of())).isEqualTo("[]");
    assertThat(json.convertToEntityAttribute("[]")).isEmpty();
    assertThat(json.convertToEntityAttribute(null)).isEmpty();
  }
}
