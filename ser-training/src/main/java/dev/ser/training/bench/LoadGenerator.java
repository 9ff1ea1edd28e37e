package dev.ser.training.bench;

import dev.ser.training.cli.Main;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load on {@code POST /api/v1/predictions}: each client thread sends the clip as the
 * raw body ({@code Content-Type: audio/wav}), waits for the answer and sends the next, until the
 * time or the request budget of the level is spent. Only loopback addresses are accepted.
 */
final class LoadGenerator {
  static final String PREDICTIONS = "/api/v1/predictions";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI endpoint;
  private final byte[] clip;

  LoadGenerator(URI base, byte[] clip) {
    requireLoopback(base);
    this.endpoint = base.resolve(PREDICTIONS);
    this.clip = clip.clone();
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Refuses any address but this machine's: the benchmark must never load someone else. */
  static void requireLoopback(URI base) {
    if (!"http".equals(base.getScheme()) || base.getHost() == null) {
      throw new Main.UsageException("--url must be http://HOST:PORT on this machine, got " + base);
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(base.getHost())) {
        if (!address.isLoopbackAddress()) {
          throw new Main.UsageException(
              "--url must be a loopback address (127.0.0.1, localhost), got " + base.getHost());
        }
      }
    } catch (UnknownHostException e) {
      throw new Main.UsageException("unknown host in --url: " + base.getHost());
    }
  }

  /**
   * Runs {@code clients} threads for at most {@code duration} and at most {@code maxRequests}
   * requests in total, and returns what they saw.
   */
  LevelResult run(int clients, Duration duration, long maxRequests) throws InterruptedException {
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    long[][] latencies = new long[clients][];
    AtomicLong budget = new AtomicLong(maxRequests);
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread thread =
          new Thread(
              () -> latencies[client] = loop(deadline, budget, outcomes),
              "bench-client-" + (client + 1));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
    Map<String, Long> counts = new HashMap<>();
    outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
    return new LevelResult(clients, seconds, LatencySummary.ofNanos(all), counts);
  }

  private long[] loop(long deadline, AtomicLong budget, Map<String, LongAdder> outcomes) {
    long[] times = new long[1024];
    int n = 0;
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "audio/wav")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(clip))
            .build();
    while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
      long sent = System.nanoTime();
      String outcome;
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        outcome = Integer.toString(response.statusCode());
      } catch (HttpTimeoutException e) {
        outcome = "timeout";
      } catch (IOException e) {
        outcome = e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long took = System.nanoTime() - sent;
      if (n == times.length) {
        times = Arrays.copyOf(times, n * 2);
      }
      times[n++] = took;
      outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }
    return Arrays.copyOf(times, n);
  }
}
