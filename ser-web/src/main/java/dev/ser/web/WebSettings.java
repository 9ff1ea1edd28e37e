package dev.ser.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits and places the pages and the API share, from MicroProfile Config (defaults in
 * META-INF/microprofile-config.properties; environment variables such as {@code SER_DATA_DIR}
 * override them).
 */
@ApplicationScoped
public class WebSettings {
  @Inject
  @ConfigProperty(name = "ser.upload.max-bytes")
  long maxUploadBytes;

  @Inject
  @ConfigProperty(name = "ser.audio.max-seconds")
  int maxAudioSeconds;

  @Inject
  @ConfigProperty(name = "ser.record.max-seconds")
  int maxRecordSeconds;

  @Inject
  @ConfigProperty(name = "ser.audio.max-decode-seconds")
  double maxDecodeSeconds;

  @Inject
  @ConfigProperty(name = "ser.audio.min-speech-seconds")
  double minSpeechSeconds;

  @Inject
  @ConfigProperty(name = "ser.retention.anonymous-hours")
  int anonymousRetentionHours;

  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** Hours an analysis made without an account is kept; 0 keeps it like the others. */
  public int anonymousRetentionHours() {
    return anonymousRetentionHours;
  }

  /** Recordings with less speech than this are refused as {@code no_speech}. */
  public double minSpeechSeconds() {
    return minSpeechSeconds;
  }

  public int maxAudioSeconds() {
    return maxAudioSeconds;
  }

  public int maxRecordSeconds() {
    return maxRecordSeconds;
  }

  /** Wall-clock seconds one decode may take ({@code DecodeLimits.maxDecodeSeconds()}). */
  public double maxDecodeSeconds() {
    return maxDecodeSeconds;
  }
}
