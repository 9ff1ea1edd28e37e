package dev.ser.training.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ser.training.cli.Main;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  private static final byte[] CLIP = {'R', 'I', 'F', 'F', 1, 2, 3, 4};

  private HttpServer server;
  private final AtomicInteger received = new AtomicInteger();
  private final Map<String, String> contentTypes = new ConcurrentHashMap<>();
  private volatile boolean bodiesMatched = true;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        LoadGenerator.PREDICTIONS,
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          bodiesMatched &= Arrays.equals(body, CLIP);
          contentTypes.put(exchange.getRequestHeaders().getFirst("Content-Type"), "");
          int status = received.incrementAndGet() % 4 == 0 ? 429 : 201;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void sendsTheClipUntilTheRequestBudgetIsSpentAndCountsEachStatus() throws Exception {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

    LevelResult result = new LoadGenerator(base, CLIP).run(3, Duration.ofSeconds(30), 40);

    assertThat(received.get()).isEqualTo(40);
    assertThat(result.requests()).isEqualTo(40);
    assertThat(result.outcomes()).containsEntry("201", 30L).containsEntry("429", 10L);
    assertThat(result.latency().count()).isEqualTo(40);
    assertThat(bodiesMatched).isTrue();
    assertThat(contentTypes).containsOnlyKeys("audio/wav");
  }

  @Test
  void stopsWhenTheTimeIsUp() throws Exception {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

    LevelResult result = new LoadGenerator(base, CLIP).run(2, Duration.ofMillis(300), 1_000_000);

    assertThat(result.seconds()).isBetween(0.3, 5.0);
    assertThat(result.requests()).isPositive().isLessThan(1_000_000);
  }

  @Test
  void refusedConnectionsAreCountedNotThrown() throws Exception {
    int port = server.getAddress().getPort();
    server.stop(0);

    LevelResult result =
        new LoadGenerator(URI.create("http://127.0.0.1:" + port), CLIP)
            .run(1, Duration.ofSeconds(10), 3);

    assertThat(result.successes()).isZero();
    assertThat(result.errors()).isEqualTo(3);
    assertThat(result.outcomes()).containsOnlyKeys("ConnectException");
  }

  @Test
  void refusesAnAddressOffThisMachine() {
    assertThatThrownBy(() -> LoadGenerator.requireLoopback(URI.create("http://10.1.2.3:8080")))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("loopback");
  }
}
