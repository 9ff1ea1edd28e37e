package dev.ser.web.live;

import dev.ser.audio.decode.PcmStream;
import dev.ser.domain.SerException;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.inference.LiveRecognition;
import dev.ser.inference.LiveUpdate;
import dev.ser.inference.StreamRecognition;
import dev.ser.web.error.Problem;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One live stream's side of the protocol (docs/live.md): its settings, its audio read live ({@link
 * LiveRecognition}, an update after every second) and as a whole ({@link StreamRecognition}, on
 * {@link LiveStreams}' background thread, so a minute's analysis never delays an update), the final
 * result, and every way it can end. Each end sends one message and closes the socket: the final
 * result with 1000, an error with 4000 plus the HTTP status the same error has in the REST API.
 */
final class LiveConnection {
  private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

  private static final Set<String> SETTINGS = Set.of("sampleRate", "channels", "store");
  private static final int MIN_SAMPLE_RATE = 8_000;
  private static final int MAX_SAMPLE_RATE = 192_000;

  /** Seconds of audio the background reading may lag behind before the stream is refused. */
  private static final int MAX_LAG_SECONDS = 150;

  private final Session session;
  private final LiveClient client;
  private final LiveStreams streams;
  private final ReentrantLock lock = new ReentrantLock();
  private final long openedNanos = System.nanoTime();
  private volatile long heardNanos = openedNanos;
  private final AtomicLong lagging = new AtomicLong();

  private boolean configured;
  private boolean ended;
  private int sampleRate = 16_000;
  private int channels = 1;
  private boolean store;

  private PcmStream pcm;
  private LiveRecognition live;
  private StreamRecognition whole;
  private WavSpool spool;
  private CompletableFuture<Void> analysed = CompletableFuture.completedFuture(null);

  LiveConnection(Session session, LiveClient client, LiveStreams streams) {
    this.session = session;
    this.client = client;
    this.streams = streams;
  }

  LiveClient client() {
    return client;
  }

  /** A settings message before the audio, or {@code {"end": true}}. */
  void text(String message) {
    guarded(
        () -> {
          heardNanos = System.nanoTime();
          JsonObject json = parse(message);
          if (json.containsKey("end")) {
            if (!JsonValue.TRUE.equals(json.get("end"))) {
              throw invalid("'end' must be true.");
            }
            end();
          } else {
            configure(json);
          }
        });
  }

  /** A binary frame of PCM. */
  void audio(ByteBuffer frame) {
    guarded(
        () -> {
          heardNanos = System.nanoTime();
          if (frame.remaining() > streams.settings().maxFrameBytes()) {
            throw new SerException(
                "frame_too_large",
                "A frame may hold at most "
                    + streams.settings().maxFrameBytes()
                    + " bytes; send audio in frames of 20-500 ms.");
          }
          start();
          long frames = pcm.frames() + frame.remaining() / (2L * channels);
          if (frames > (long) streams.settings().maxSeconds() * sampleRate) {
            throw tooLong();
          }
          pcm.push(frame);
        });
  }

  /**
   * Closes a stream that sent nothing for {@code ser.live.idle-seconds}, or that has been open far
   * longer than its audio could last; skipped while a message is being handled.
   */
  void checkTime(long now) {
    if (ended || !lock.tryLock()) {
      return;
    }
    try {
      if (ended) {
        return;
      }
      if (now - heardNanos > TimeUnit.SECONDS.toNanos(streams.settings().idleSeconds())) {
        fail(
            new SerException(
                "idle_timeout",
                "Nothing arrived for "
                    + streams.settings().idleSeconds()
                    + " s; send audio, or {\"end\": true} to finish."));
      } else if (now - openedNanos
          > TimeUnit.SECONDS.toNanos(2L * streams.settings().maxSeconds() + 60)) {
        fail(tooLong());
      }
    } finally {
      lock.unlock();
    }
  }

  /** The socket closed (by either side): nothing more is sent, what the stream held is freed. */
  void closed() {
    lock.lock();
    try {
      ended = true;
      release();
    } finally {
      lock.unlock();
    }
  }

  /** Refuses the stream at once, e.g. over a limit or for a wrong token. */
  void refuse(SerException problem) {
    lock.lock();
    try {
      fail(problem);
    } finally {
      lock.unlock();
    }
  }

  private void guarded(Runnable action) {
    lock.lock();
    try {
      if (ended) {
        return;
      }
      action.run();
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      lock.unlock();
    }
  }

  private void configure(JsonObject json) {
    if (configured || pcm != null) {
      throw invalid("Settings may come once, as the first message, before any audio.");
    }
    for (String key : json.keySet()) {
      if (!SETTINGS.contains(key)) {
        throw invalid("Unknown setting '" + key + "'; expected sampleRate, channels, store, end.");
      }
    }
    sampleRate =
        integer(
            json, "sampleRate", 16_000, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE, "invalid_sample_rate");
    channels = integer(json, "channels", 1, 1, PcmStream.MAX_CHANNELS, "invalid_channels");
    if (json.containsKey("store")) {
      JsonValue value = json.get("store");
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        throw invalid("'store' must be true or false.");
      }
      store = value == JsonValue.TRUE;
    }
    if (store && client.account().isEmpty()) {
      throw new SerException(
          "unauthorized", "Sign in (or send an API token) to keep a live recording.");
    }
    configured = true;
    start();
  }

  private static int integer(
      JsonObject json, String key, int fallback, int min, int max, String code) {
    if (!json.containsKey(key)) {
      return fallback;
    }
    JsonValue value = json.get(key);
    if (value.getValueType() != JsonValue.ValueType.NUMBER
        || !json.getJsonNumber(key).isIntegral()
        || json.getJsonNumber(key).longValue() < min
        || json.getJsonNumber(key).longValue() > max) {
      throw new SerException(
          code, "'" + key + "' must be a whole number from " + min + " to " + max + ".");
    }
    return json.getInt(key);
  }

  /** The readers, at the first settings or audio; the model must be there. */
  private void start() {
    if (pcm != null) {
      return;
    }
    EmotionRecognizer recognizer = streams.recognizer();
    live = recognizer.startLive();
    whole = recognizer.start();
    if (store) {
      try {
        spool = new WavSpool();
      } catch (IOException e) {
        throw new IllegalStateException("cannot keep the live recording on disk", e);
      }
    }
    pcm = new PcmStream(sampleRate, channels, (channel, samples, length) -> read(samples, length));
  }

  /** 16 kHz samples: read live at once, queued for the whole reading, spooled if kept. */
  private void read(float[] samples, int length) {
    for (LiveUpdate update : live.accept(samples, length)) {
      send(LiveMessages.update(update));
    }
    float[] copy = Arrays.copyOf(samples, length);
    if (lagging.addAndGet(length) > (long) MAX_LAG_SECONDS * 16_000) {
      throw new SerException(
          "server_busy", "The server cannot keep up with this stream now; try again later.");
    }
    analysed =
        analysed.thenRunAsync(
            () -> {
              whole.accept(copy, length);
              lagging.addAndGet(-length);
            },
            streams.background());
    if (spool != null) {
      spool.write(samples, length);
    }
  }

  private void end() {
    if (pcm == null) {
      throw new SerException("empty_audio", "No audio arrived before the end.");
    }
    pcm.finish();
    Prediction prediction;
    try {
      analysed.join();
      prediction = whole.finish();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    Optional<String> id = Optional.empty();
    if (store) {
      byte[] wav;
      try {
        wav = spool.wav();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the live recording back", e);
      }
      id = Optional.of(streams.keep(client.caller(), wav, prediction));
    }
    streams
        .metrics()
        .predicted(
            prediction, RecordingSource.LIVE, Duration.ofNanos(System.nanoTime() - openedNanos));
    send(LiveMessages.result(prediction, id));
    close(CloseReason.CloseCodes.NORMAL_CLOSURE, "done");
  }

  private void fail(RuntimeException e) {
    streams.metrics().refused(e);
    Problem problem =
        Problem.in(e)
            .orElseGet(
                () -> {
                  String incident = UUID.randomUUID().toString();
                  LOG.log(Level.SEVERE, "incident " + incident, e);
                  return Problem.internal(incident);
                });
    send(LiveMessages.error(problem));
    close(CloseReason.CloseCodes.getCloseCode(4000 + problem.status()), problem.code());
  }

  private void send(String text) {
    if (ended) {
      return;
    }
    try {
      session.getBasicRemote().sendText(text);
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "live stream gone while sending", e);
      ended = true;
      release();
    }
  }

  private void close(CloseReason.CloseCode code, String reason) {
    ended = true;
    release();
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "live stream already gone", e);
    }
  }

  private void release() {
    if (spool != null) {
      spool.close();
      spool = null;
    }
    streams.release(this);
  }

  private SerException tooLong() {
    return new SerException(
        "stream_too_long",
        "A live stream may last at most "
            + streams.settings().maxLength()
            + "; end it and start another.");
  }

  private static SerException invalid(String message) {
    return new SerException("invalid_message", message);
  }

  private static JsonObject parse(String message) {
    try (var reader = Json.createReader(new StringReader(message))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw invalid("Text messages are JSON objects: settings, or {\"end\": true}.");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw invalid("Text messages are JSON objects: settings, or {\"end\": true}.");
    }
  }
}
