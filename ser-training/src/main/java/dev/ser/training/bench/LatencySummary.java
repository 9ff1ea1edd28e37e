package dev.ser.training.bench;

import java.util.Arrays;

/**
 * Latencies of one load level in milliseconds, by the nearest-rank method (the p-th percentile is
 * the smallest value that at least p % of the requests did not exceed).
 *
 * @param count how many latencies
 * @param p50Ms median
 * @param p95Ms 95th percentile
 * @param p99Ms 99th percentile
 * @param maxMs the slowest
 */
public record LatencySummary(int count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
  public LatencySummary {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
  }

  /** The summary of request latencies given in nanoseconds, in any order; NaN when empty. */
  public static LatencySummary ofNanos(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        sorted.length,
        nearestRank(sorted, 50),
        nearestRank(sorted, 95),
        nearestRank(sorted, 99),
        nearestRank(sorted, 100));
  }

  private static double nearestRank(long[] sorted, double percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1] / 1e6;
  }
}
