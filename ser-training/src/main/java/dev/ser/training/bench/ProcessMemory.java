package dev.ser.training.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of another process on Linux: its resident set from {@code /proc/PID/status} (Java heap,
 * TensorFlow's and FFmpeg's native memory, thread stacks: everything) and, for a JVM, the Java heap
 * in use after a full collection, and its CPU time from {@code /proc/PID/stat}, asked of it with
 * {@code jcmd PID GC.run} and {@code GC.heap_info}.
 */
final class ProcessMemory {
  private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB");
  private static final Pattern G1_USED =
      Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");
  private static final Pattern GENERATION_USED =
      Pattern.compile(
          "(?m)^\\s*(?:PSYoungGen|ParOldGen|def new generation|tenured generation|"
              + "ZHeap|Shenandoah)[^\\n]*?used (\\d+)K");
  private static final long JCMD_SECONDS = 30;

  /** USER_HZ: the unit of /proc's CPU times, 100 on every Linux architecture we run on. */
  private static final int CLOCK_TICKS_PER_SECOND = 100;

  private ProcessMemory() {}

  /** Resident set size in KiB, or empty when the process is gone. */
  static OptionalLong rssKb(long pid) {
    try {
      return rssKbOf(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * CPU time the process has used so far (user plus system, all its threads), in seconds; on a
   * shared machine this per request says more than the wall clock. Empty when the process is gone.
   */
  static Optional<Double> cpuSeconds(long pid) {
    try {
      return cpuTicksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
          .map(ticks -> ticks / (double) CLOCK_TICKS_PER_SECOND);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code utime + stime} of a {@code /proc/PID/stat} line, in clock ticks: fields 14 and 15,
   * counted after the command name in parentheses (which may itself hold spaces).
   */
  static Optional<Long> cpuTicksOf(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return Optional.empty();
    }
    String[] fields = stat.substring(close + 1).strip().split("\\s+");
    if (fields.length < 13) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The {@code VmRSS} line of a {@code /proc/PID/status} text, in KiB. */
  static OptionalLong rssKbOf(String status) {
    Matcher m = VM_RSS.matcher(status);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /**
   * The JVM's live heap in KiB: a full collection first, so the number is what is still referenced,
   * not how long ago the last collection ran. Empty when jcmd cannot attach.
   */
  static OptionalLong heapAfterGcKb(long pid) {
    if (jcmd(pid, "GC.run") == null) {
      return OptionalLong.empty();
    }
    String info = jcmd(pid, "GC.heap_info");
    return info == null ? OptionalLong.empty() : heapUsedKbOf(info);
  }

  /** Heap in use from {@code jcmd GC.heap_info}: G1's one heap line, or the sum of generations. */
  static OptionalLong heapUsedKbOf(String heapInfo) {
    Matcher g1 = G1_USED.matcher(heapInfo);
    if (g1.find()) {
      return OptionalLong.of(Long.parseLong(g1.group(1)));
    }
    Matcher generations = GENERATION_USED.matcher(heapInfo);
    long sum = 0;
    boolean any = false;
    while (generations.find()) {
      sum += Long.parseLong(generations.group(1));
      any = true;
    }
    return any ? OptionalLong.of(sum) : OptionalLong.empty();
  }

  private static String jcmd(long pid, String command) {
    try {
      Process process =
          new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return null;
      }
      return process.exitValue() == 0 ? new String(output, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
