package dev.ser.web.live;

import dev.ser.domain.SerException;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.web.Storage;
import dev.ser.web.account.Caller;
import dev.ser.web.analysis.Pipeline;
import dev.ser.web.metrics.AnalysisMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every live stream of this instance: admitted within the limits (streams per client and in total),
 * watched for idleness and overlong runs once a second, read as a whole on one background thread,
 * and kept with its recording when the client asked.
 */
@ApplicationScoped
public class LiveStreams {
  @Inject LiveSettings settings;
  @Inject Pipeline pipeline;
  @Inject Storage storage;
  @Inject AnalysisMetrics metrics;

  private final Set<LiveConnection> open = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
  private ExecutorService background;
  private ScheduledExecutorService watchdog;

  @PostConstruct
  void start() {
    background = Executors.newSingleThreadExecutor(daemon("ser-live-analysis"));
    watchdog = Executors.newSingleThreadScheduledExecutor(daemon("ser-live-watchdog"));
    watchdog.scheduleWithFixedDelay(
        () -> {
          long now = System.nanoTime();
          open.forEach(connection -> connection.checkTime(now));
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    watchdog.shutdownNow();
    background.shutdownNow();
  }

  /**
   * A connection for a socket just opened; refused at once (error message, then close) for a wrong
   * token or over a limit.
   */
  LiveConnection connect(Session session, LiveClient client) {
    LiveConnection connection = new LiveConnection(session, client, this);
    Optional<SerException> refusal = client.refusal().or(() -> admit(connection));
    refusal.ifPresent(connection::refuse);
    return connection;
  }

  private Optional<SerException> admit(LiveConnection connection) {
    String key = connection.client().caller().clientKey();
    AtomicInteger count = perClient.computeIfAbsent(key, k -> new AtomicInteger());
    if (count.incrementAndGet() > settings.maxStreamsPerClient()) {
      decrement(key, count);
      return Optional.of(
          new SerException(
              "too_many_requests",
              "You already have "
                  + settings.maxStreamsPerClient()
                  + " live streams open; end one first."));
    }
    open.add(connection);
    if (open.size() > settings.maxStreams()) {
      release(connection);
      return Optional.of(
          new SerException(
              "server_busy", "The server has as many live streams as it can take; try later."));
    }
    return Optional.empty();
  }

  /** Forgets a connection that ended; once per connection, however often it is called. */
  void release(LiveConnection connection) {
    if (open.remove(connection)) {
      String key = connection.client().caller().clientKey();
      AtomicInteger count = perClient.get(key);
      if (count != null) {
        decrement(key, count);
      }
    }
  }

  private void decrement(String key, AtomicInteger count) {
    if (count.decrementAndGet() <= 0) {
      perClient.remove(key, count);
    }
  }

  /** Streams open now. */
  public int openStreams() {
    return open.size();
  }

  AnalysisMetrics metrics() {
    return metrics;
  }

  LiveSettings settings() {
    return settings;
  }

  EmotionRecognizer recognizer() {
    return pipeline.recognizer();
  }

  ExecutorService background() {
    return background;
  }

  /** Stores a finished stream's recording (16 kHz WAV) with its prediction; the recording's id. */
  String keep(Caller caller, byte[] wav, Prediction prediction) {
    Recording recording =
        Recording.create(
            caller.userId(),
            RecordingSource.LIVE,
            new AudioDescription("audio/wav", "wav", prediction.durationSeconds(), wav.length),
            Optional.empty(),
            Instant.now());
    AnalysedRecording stored = storage.archive().store(recording, wav, prediction);
    return stored.id().toString();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
