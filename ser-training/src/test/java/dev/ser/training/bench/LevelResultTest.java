package dev.ser.training.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelResultTest {
  private static final LatencySummary ANY = LatencySummary.ofNanos(new long[] {1_000_000});

  @Test
  void onlyTwoHundredStatusesCountAsSuccesses() {
    LevelResult result =
        new LevelResult(
            8, 2.0, ANY, Map.of("201", 90L, "200", 2L, "429", 5L, "503", 1L, "timeout", 2L));

    assertThat(result.requests()).isEqualTo(100);
    assertThat(result.successes()).isEqualTo(92);
    assertThat(result.errors()).isEqualTo(8);
    assertThat(result.throughput()).isEqualTo(50.0);
  }

  @Test
  void errorTextListsEachFailureKindInOrder() {
    LevelResult result = new LevelResult(1, 1.0, ANY, Map.of("201", 3L, "timeout", 1L, "429", 2L));

    assertThat(result.errorText()).isEqualTo("429 x2, timeout x1");
  }

  @Test
  void errorTextSaysNoneWhenEveryRequestSucceeded() {
    assertThat(new LevelResult(1, 1.0, ANY, Map.of("201", 3L)).errorText()).isEqualTo("none");
  }
}
