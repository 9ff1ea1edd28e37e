package dev.ser.web.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bounds of live streams, from MicroProfile Config (defaults in
 * META-INF/microprofile-config.properties; environment variables such as {@code
 * SER_LIVE_MAX_SECONDS} override them).
 */
@Named
@ApplicationScoped
public class LiveSettings {
  /** Seconds of audio one stream may send. */
  @Inject
  @ConfigProperty(name = "ser.live.max-seconds")
  int maxSeconds;

  /** Seconds a stream may stay silent on the wire (no frame, no message) before it is closed. */
  @Inject
  @ConfigProperty(name = "ser.live.idle-seconds")
  int idleSeconds;

  /** Bytes one binary frame may hold: 256 KiB is over a second of 48 kHz stereo. */
  @Inject
  @ConfigProperty(name = "ser.live.max-frame-bytes")
  int maxFrameBytes;

  /** Streams open at once on this instance, all clients together. */
  @Inject
  @ConfigProperty(name = "ser.live.max-streams")
  int maxStreams;

  /** Streams one client (account, or address without one) may have open: the analysis limit. */
  @Inject
  @ConfigProperty(name = "ser.analysis.max-concurrent-per-client")
  int maxStreamsPerClient;

  public int maxSeconds() {
    return maxSeconds;
  }

  /** The longest stream in words: "30 minutes", or seconds below a minute's multiple. */
  public String maxLength() {
    return maxSeconds % 60 == 0
        ? maxSeconds / 60 + (maxSeconds == 60 ? " minute" : " minutes")
        : maxSeconds + " seconds";
  }

  public int idleSeconds() {
    return idleSeconds;
  }

  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  public int maxStreams() {
    return maxStreams;
  }

  public int maxStreamsPerClient() {
    return maxStreamsPerClient;
  }
}
