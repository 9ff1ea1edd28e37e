package dev.ser.training.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
  @Test
  void percentilesOfOneToHundredMillisecondsAreTheNearestRanks() {
    long[] shuffled =
        LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * 1_000_000L).toArray();

    LatencySummary summary = LatencySummary.ofNanos(shuffled);

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50Ms()).isCloseTo(50, within(1e-9));
    assertThat(summary.p95Ms()).isCloseTo(95, within(1e-9));
    assertThat(summary.p99Ms()).isCloseTo(99, within(1e-9));
    assertThat(summary.maxMs()).isCloseTo(100, within(1e-9));
  }

  @Test
  void oneSlowRequestInTenIsTheP95ButNotTheMedian() {
    long[] nanos = {
      5_000_000,
      5_000_000,
      5_000_000,
      5_000_000,
      5_000_000,
      5_000_000,
      5_000_000,
      5_000_000,
      5_000_000,
      80_000_000
    };

    LatencySummary summary = LatencySummary.ofNanos(nanos);

    assertThat(summary.p50Ms()).isEqualTo(5.0);
    assertThat(summary.p95Ms()).isEqualTo(80.0);
  }

  @Test
  void noRequestsGiveNoNumbers() {
    LatencySummary summary = LatencySummary.ofNanos(new long[0]);

    assertThat(summary.count()).isZero();
    assertThat(summary.p50Ms()).isNaN();
    assertThat(summary.maxMs()).isNaN();
  }
}
