package dev.ser.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live-stream client for the tests, on the JDK's own WebSocket: it sends frames and settings and
 * collects every JSON message and the close code the server ends with.
 */
final class LiveSocket implements AutoCloseable {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The close code and reason the server sent. */
  record Closed(int code, String reason) {}

  private final WebSocket socket;
  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed;

  private LiveSocket(WebSocket socket, Listener listener) {
    this.socket = socket;
    this.closed = listener.closed;
  }

  /** Opens {@code ws://.../api/v1/live} (plus {@code query}) with these request headers. */
  static LiveSocket open(URI http, String query, Map<String, String> headers) {
    URI uri =
        URI.create(http.toString().replaceFirst("^http", "ws") + (query == null ? "" : query));
    Listener listener = new Listener();
    WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    headers.forEach(builder::header);
    try {
      WebSocket socket = builder.buildAsync(uri, listener).join();
      LiveSocket live = new LiveSocket(socket, listener);
      synchronized (listener) {
        listener.owner = live;
        live.messages.addAll(listener.pending);
      }
      return live;
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        throw new AssertionError(
            "handshake refused with HTTP " + refused.getResponse().statusCode(), refused);
      }
      throw e;
    }
  }

  LiveSocket text(String json) {
    socket.sendText(json, true).join();
    return this;
  }

  LiveSocket binary(byte[] bytes, int from, int to) {
    socket.sendBinary(ByteBuffer.wrap(bytes, from, to - from), true).join();
    return this;
  }

  /** Sends {@code pcm} in frames of {@code frameBytes}, as fast as the socket takes them. */
  LiveSocket stream(byte[] pcm, int frameBytes) {
    for (int at = 0; at < pcm.length; at += frameBytes) {
      binary(pcm, at, Math.min(pcm.length, at + frameBytes));
    }
    return this;
  }

  /** The next message, or an assertion failure after {@code seconds}. */
  JsonNode next(int seconds) {
    try {
      JsonNode message = messages.poll(seconds, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no message within " + seconds + " s");
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every message up to the close, and the close. */
  List<JsonNode> untilClosed(int seconds) {
    Closed close = awaitClose(seconds);
    List<JsonNode> all = new ArrayList<>();
    messages.drainTo(all);
    return all;
  }

  Closed awaitClose(int seconds) {
    try {
      return closed.get(seconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("not closed within " + seconds + " s", e);
    }
  }

  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "test over");
    }
    socket.abort();
  }

  private static final class Listener implements WebSocket.Listener {
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    final List<JsonNode> pending = new ArrayList<>();
    volatile LiveSocket owner;
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = Api.JSON.readTree(text.toString());
          synchronized (this) {
            if (owner == null) {
              pending.add(message);
            } else {
              owner.messages.add(message);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("not JSON: " + text, e);
        }
        text.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
