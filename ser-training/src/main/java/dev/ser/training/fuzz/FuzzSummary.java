package dev.ser.training.fuzz;

import dev.ser.audio.decode.fuzz.SeedFormat;
import dev.ser.training.bench.LatencySummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The answers of a run, by seed format: how many files, 201s, 4xx by error code, 5xx, rule breaks,
 * and the p99 and slowest answer. Not thread-safe: fuzzing threads hand their answers to one
 * collector.
 */
final class FuzzSummary {
  private final Map<SeedFormat, List<Answer>> byFormat = new EnumMap<>(SeedFormat.class);
  private long files;

  void add(SeedFormat format, Answer answer) {
    byFormat.computeIfAbsent(format, f -> new ArrayList<>()).add(answer);
    files++;
  }

  long files() {
    return files;
  }

  /** 201 answers: each must have left one prediction, one recording and one blob. */
  long created() {
    return all().stream().filter(a -> a.status() == 201).count();
  }

  /** Answers that break the rules ({@link Answer#problem()}). */
  long problems() {
    return all().stream().filter(a -> a.problem().isPresent()).count();
  }

  LatencySummary latency() {
    return latency(all());
  }

  void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-6s %6s %6s %6s %6s %9s %9s  %s%n",
        "format",
        "files",
        "201",
        "5xx",
        "broken",
        "p99 ms",
        "max ms",
        "4xx by code");
    byFormat.forEach((format, answers) -> row(format.extension(), answers, out));
    row("all", all(), out);
  }

  private static void row(String name, List<Answer> answers, PrintStream out) {
    LatencySummary latency = latency(answers);
    out.printf(
        Locale.ROOT,
        "%-6s %6d %6d %6d %6d %9.0f %9.0f  %s%n",
        name,
        answers.size(),
        answers.stream().filter(a -> a.status() == 201).count(),
        answers.stream().filter(a -> a.status() >= 500).count(),
        answers.stream().filter(a -> a.problem().isPresent()).count(),
        latency.p99Ms(),
        latency.maxMs(),
        refusals(answers));
  }

  /** {@code corrupt_audio 120, unsupported_audio 300}, by count, most first. */
  private static String refusals(List<Answer> answers) {
    Map<String, Long> counts =
        answers.stream()
            .filter(a -> a.status() >= 400 && a.status() < 500)
            .collect(Collectors.groupingBy(Answer::outcome, TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static LatencySummary latency(List<Answer> answers) {
    return LatencySummary.ofNanos(answers.stream().mapToLong(Answer::nanos).toArray());
  }

  private List<Answer> all() {
    return byFormat.values().stream().flatMap(List::stream).toList();
  }
}
