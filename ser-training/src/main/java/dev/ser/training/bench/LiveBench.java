package dev.ser.training.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.training.cli.Main;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./ser bench live [--streams 1,10,25,50,75,100,150,200] [--seconds 20] [--long-minutes 30]
 * [--url URL] [--audio FILE]}: live streams over {@code /api/v1/live} in real time (a 100 ms frame
 * every 100 ms each, starts spread over the first second), at rising numbers of concurrent streams
 * until the 95th percentile passes 500 ms. The latency of an update is the time from sending the
 * frame that holds the last sample of its window to receiving the update. Per level: updates,
 * latency percentiles, streams dropped (no final result), the server's CPU and its heap after a
 * full GC while the streams are open, and from that the memory per stream. Then one stream of
 * {@code --long-minutes} sent ten times faster than real time, its heap sampled every five minutes
 * of audio: a stream's memory must not grow with its length.
 */
public final class LiveBench implements Main.Command {
  private static final List<String> OPTIONS =
      List.of("url", "streams", "seconds", "long-minutes", "audio");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RATE = 16_000;
  private static final int FRAME_SAMPLES = 1_600;
  private static final double P95_LIMIT_MS = 500;
  private static final double P95_GOAL_MS = 150;

  @Override
  public String summary() {
    return "[--streams 1,10,25,50,75,100,150,200] [--seconds 20] [--long-minutes 30] [--url URL]"
        + " [--audio FILE]: latency of live updates at rising numbers of real-time streams, memory"
        + " per stream, and a long stream's heap";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    BenchOptions options = BenchOptions.parse(args, OPTIONS);
    URI url = options.url();
    int[] levels = levels(options);
    int seconds = options.positive("seconds", 20, 3600);
    int longMinutes = options.positive("long-minutes", 30, 600);
    short[] speech = pcm(options.clip());

    Optional<ServerUnderTest> running =
        ServerUnderTest.attach(url, options.dataDirOfRunningServer());
    try (ServerUnderTest server =
        running.isPresent() ? running.get() : ServerUnderTest.start(Repository.root(), url, out)) {
      URI live = URI.create(url.toString().replaceFirst("^http", "ws") + "/api/v1/live");
      out.printf(
          Locale.ROOT,
          "live: %s, %d s of real-time audio per stream (100 ms frames), %d cores%n",
          server.describe(),
          seconds,
          Runtime.getRuntime().availableProcessors());
      out.println(
          "  latency = last sample of an update's window sent -> its JSON received (loopback);"
              + " heap = Java heap after a full GC with the streams open");
      out.printf(
          Locale.ROOT,
          "%8s %8s %8s %8s %8s %8s %8s %8s %9s %9s%n",
          "streams",
          "updates",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          "dropped",
          "CPU %",
          "heap MB",
          "KB/stream");
      // The first stream pays for compiling the code paths and TensorFlow's first runs.
      level(live, 2, 5, speech, server);
      OptionalLong idleHeap = server.heapAfterGcKb();
      int held = 0;
      boolean goal = true;
      for (int streams : levels) {
        Level level = level(live, streams, seconds, speech, server);
        LatencySummary latency = LatencySummary.ofNanos(level.latencies());
        String perStream =
            idleHeap.isPresent() && level.heapKb().isPresent()
                ? String.format(
                    Locale.ROOT,
                    "%.0f",
                    (level.heapKb().getAsLong() - idleHeap.getAsLong()) / (double) streams)
                : "";
        out.printf(
            Locale.ROOT,
            "%8d %8d %8.1f %8.1f %8.1f %8.1f %8d %8s %9s %9s%n",
            streams,
            latency.count(),
            latency.p50Ms(),
            latency.p95Ms(),
            latency.p99Ms(),
            latency.maxMs(),
            level.dropped(),
            level.cpuPercent().map(p -> String.format(Locale.ROOT, "%.0f", p)).orElse(""),
            HttpBench.megabytes(level.heapKb()),
            perStream);
        if (streams <= 50 && (latency.p95Ms() > P95_GOAL_MS || level.dropped() > 0)) {
          goal = false;
        }
        if (latency.p95Ms() > P95_LIMIT_MS || level.dropped() > 0) {
          break;
        }
        held = streams;
      }
      out.printf(
          Locale.ROOT,
          "holds %d real-time streams with p95 <= %.0f ms and none dropped;"
              + " goal (p95 <= %.0f ms up to 50 streams, none dropped): %s%n",
          held,
          P95_LIMIT_MS,
          P95_GOAL_MS,
          goal ? "met" : "MISSED");
      boolean flat = longStream(live, longMinutes, speech, server, out);
      return goal && flat ? 0 : 1;
    }
  }

  /** The result of one level: every update's latency, streams without a final, CPU and heap. */
  private record Level(
      long[] latencies, int dropped, Optional<Double> cpuPercent, OptionalLong heapKb) {}

  private static Level level(
      URI live, int streams, int seconds, short[] speech, ServerUnderTest server)
      throws InterruptedException {
    ScheduledExecutorService clock =
        Executors.newScheduledThreadPool(
            Math.max(2, Math.min(8, streams / 25 + 1)), daemon("live-bench-sender"));
    List<Stream> all = new ArrayList<>();
    try {
      int frames = seconds * RATE / FRAME_SAMPLES;
      for (int i = 0; i < streams; i++) {
        all.add(Stream.open(live, frames));
      }
      Optional<Double> cpuBefore = server.cpuSeconds();
      long start = System.nanoTime();
      List<ScheduledFuture<?>> senders = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        Stream stream = all.get(i);
        long offset = streams == 1 ? 0 : (long) i * 1_000_000_000L / streams;
        stream.offset = (int) ((i * 7_919L * FRAME_SAMPLES) % speech.length);
        senders.add(
            clock.scheduleAtFixedRate(
                () -> stream.sendNext(speech, frames),
                offset,
                FRAME_SAMPLES * 1_000_000_000L / RATE,
                TimeUnit.NANOSECONDS));
      }
      long deadline = start + (seconds + 5) * 1_000_000_000L;
      while (System.nanoTime() < deadline && !all.stream().allMatch(s -> s.sent >= frames)) {
        Thread.sleep(50);
      }
      senders.forEach(s -> s.cancel(false));
      Thread.sleep(300);
      double wall = (System.nanoTime() - start) / 1e9;
      Optional<Double> cpu =
          cpuBefore.flatMap(
              before -> server.cpuSeconds().map(after -> 100 * (after - before) / wall));
      OptionalLong heap = server.heapAfterGcKb();
      all.forEach(Stream::end);
      int dropped = 0;
      for (Stream stream : all) {
        if (!stream.awaitFinal(Duration.ofSeconds(60))) {
          dropped++;
        }
      }
      long[] latencies =
          all.stream()
              .flatMapToLong(s -> s.latencies.stream().mapToLong(Long::longValue))
              .toArray();
      return new Level(latencies, dropped, cpu, heap);
    } finally {
      clock.shutdownNow();
      all.forEach(Stream::abort);
    }
  }

  /**
   * One stream of {@code minutes} (less a second, inside the server's limit) sent at ten times real
   * time; the heap after a full GC every sixth of it, flat within 10 % (+5 MB) of the first sample
   * after the start or not.
   */
  private static boolean longStream(
      URI live, int minutes, short[] speech, ServerUnderTest server, PrintStream out)
      throws InterruptedException {
    out.printf(Locale.ROOT, "%none %d-minute stream at 10x real time:%n", minutes);
    out.printf(Locale.ROOT, "%10s %9s%n", "audio min", "heap MB");
    int frames = (minutes * 60 - 1) * RATE / FRAME_SAMPLES;
    int every = Math.max(1, minutes / 6) * 60 * RATE / FRAME_SAMPLES;
    Stream stream = Stream.open(live, frames);
    List<Long> heaps = new ArrayList<>();
    long started = System.nanoTime();
    try {
      for (int frame = 0; frame < frames; frame++) {
        stream.sendNext(speech, frames);
        long due = started + (frame + 1) * 10_000_000L;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        if ((frame + 1) % every == 0 || frame == 0) {
          OptionalLong heap = server.heapAfterGcKb();
          heap.ifPresent(heaps::add);
          out.printf(
              Locale.ROOT,
              "%10.1f %9s%n",
              (frame + 1) * FRAME_SAMPLES / (double) RATE / 60,
              HttpBench.megabytes(heap));
        }
      }
      stream.end();
      boolean finished = stream.awaitFinal(Duration.ofSeconds(120));
      out.printf(
          Locale.ROOT,
          "  %d updates; final result %s%n",
          stream.latencies.size(),
          finished ? stream.finalEmotion : "MISSING (" + stream.problem + ")");
      if (heaps.size() < 3) {
        out.println("  heap sampled too few times (no server process, or too short): no verdict");
        return finished;
      }
      long first = heaps.get(1);
      long most = heaps.stream().skip(1).mapToLong(Long::longValue).max().orElse(first);
      boolean flat = most <= first * 1.10 + 5 * 1024;
      out.printf(
          Locale.ROOT,
          "  heap from %d min on: %.1f -> at most %.1f MB: %s%n",
          Math.max(1, minutes / 6),
          first / 1024.0,
          most / 1024.0,
          flat ? "flat" : "GROWS");
      return finished && flat;
    } finally {
      stream.abort();
    }
  }

  /** One benchmark stream: its socket, what it sent when, and the updates' latencies. */
  private static final class Stream implements WebSocket.Listener {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final long[] sentAt;
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private WebSocket socket;
    volatile int sent;
    int offset;
    volatile String finalEmotion;
    volatile String problem = "closed";

    private Stream(int frames) {
      sentAt = new long[frames];
    }

    static Stream open(URI live, int frames) {
      Stream stream = new Stream(frames);
      stream.socket = CLIENT.newWebSocketBuilder().buildAsync(live, stream).join();
      return stream;
    }

    /** The next 100 ms of the looped speech, as 16-bit PCM. */
    synchronized void sendNext(short[] speech, int frames) {
      if (sent >= frames || finished.isDone()) {
        return;
      }
      ByteBuffer frame = ByteBuffer.allocate(2 * FRAME_SAMPLES).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < FRAME_SAMPLES; i++) {
        frame.putShort(speech[(offset + sent * FRAME_SAMPLES + i) % speech.length]);
      }
      // Big-endian again before sending: the JDK's client masks the payload with the buffer's own
      // byte order, and a little-endian buffer arrives scrambled.
      frame.flip().order(ByteOrder.BIG_ENDIAN);
      sentAt[sent] = System.nanoTime();
      socket.sendBinary(frame, true).join();
      sent++;
    }

    void end() {
      if (!finished.isDone()) {
        socket.sendText("{\"end\": true}", true);
      }
    }

    boolean awaitFinal(Duration limit) {
      try {
        return finished.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        problem = "no final within " + limit.toSeconds() + " s";
        return false;
      }
    }

    void abort() {
      socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          if (message.has("error")) {
            problem = message.get("error").asText();
            finished.complete(false);
          } else if (message.has("final")) {
            finalEmotion = message.get("emotion").asText();
            finished.complete(true);
          } else {
            long lastSample = Math.round(message.get("t").asDouble() * RATE) - 1;
            int frame = (int) (lastSample / FRAME_SAMPLES);
            if (frame < sentAt.length && sentAt[frame] > 0) {
              latencies.add(now - sentAt[frame]);
            }
          }
        } catch (IOException e) {
          problem = "not JSON";
          finished.complete(false);
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      finished.complete(false);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      problem = String.valueOf(error);
      finished.complete(false);
    }
  }

  private static int[] levels(BenchOptions options) {
    String text = options.text("streams").orElse("1,10,25,50,75,100,150,200");
    try {
      int[] levels =
          Arrays.stream(text.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
      if (levels.length == 0 || Arrays.stream(levels).anyMatch(n -> n < 1 || n > 2000)) {
        throw new NumberFormatException();
      }
      return levels;
    } catch (NumberFormatException e) {
      throw new Main.UsageException("--streams needs numbers from 1 to 2000, e.g. 1,10,50");
    }
  }

  /** The clip decoded to 16 kHz mono, as 16-bit samples. */
  private static short[] pcm(byte[] clip) {
    float[] samples = new AudioDecoder().decode(clip).samples();
    short[] pcm = new short[samples.length];
    for (int i = 0; i < samples.length; i++) {
      pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768)));
    }
    return pcm;
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
