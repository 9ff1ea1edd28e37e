package dev.ser.training.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one load level did.
 *
 * @param clients concurrent clients, each sending its next request when the last one is answered
 * @param seconds wall-clock time from the first request sent to the last answer
 * @param latency latencies of every answered request, whatever its status
 * @param outcomes how many requests ended how: an HTTP status ({@code "201"}, {@code "429"}) or a
 *     transport failure ({@code "timeout"}, {@code "IOException"})
 */
public record LevelResult(
    int clients, double seconds, LatencySummary latency, Map<String, Long> outcomes) {
  public LevelResult {
    outcomes = Map.copyOf(outcomes);
  }

  public long requests() {
    return outcomes.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Requests answered 2xx: each must have left exactly one prediction and one blob behind. */
  public long successes() {
    return outcomes.entrySet().stream()
        .filter(e -> e.getKey().length() == 3 && e.getKey().startsWith("2"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  public long errors() {
    return requests() - successes();
  }

  public double throughput() {
    return seconds > 0 ? requests() / seconds : 0;
  }

  /** Failures by outcome, e.g. {@code 429 x3, timeout x1}, or {@code none}. */
  public String errorText() {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(outcomes)
        .forEach(
            (outcome, count) -> {
              if (!(outcome.length() == 3 && outcome.startsWith("2"))) {
                text.append(text.length() == 0 ? "" : ", ")
                    .append(outcome)
                    .append(" x")
                    .append(count);
              }
            });
    return text.length() == 0 ? "none" : text.toString();
  }
}
