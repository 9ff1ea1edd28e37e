package dev.ser.domain.emotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineSegmentTest {
  @Test
  void segmentsTogetherWeighEachByItsLength() {
    TimelineSegment angrySecond =
        new TimelineSegment(0, 1, new EmotionScores(new double[] {1, 0, 0, 0, 0, 0}));
    TimelineSegment sadThreeSeconds =
        new TimelineSegment(2, 5, new EmotionScores(new double[] {0, 0, 0, 0, 0, 1}));

    EmotionScores both = TimelineSegment.lengthWeighted(List.of(angrySecond, sadThreeSeconds));

    assertThat(both.of(Emotion.ANGER)).isCloseTo(0.25, within(1e-12));
    assertThat(both.of(Emotion.SAD)).isCloseTo(0.75, within(1e-12));
    assertThat(both.top()).isEqualTo(Emotion.SAD);
  }
}
