package dev.ser.audio;

/**
 * Bytes that are not audio in a format we read (a PDF or text renamed {@code .wav}, a video without
 * sound, an unknown codec).
 */
public final class UnsupportedAudioException extends AudioException {
  /** The formats a person can send instead, for every message of this type. */
  public static final String SUPPORTED =
      "send WAV, MP3, M4A/AAC, FLAC, Ogg/Opus or WebM/Opus audio";

  public UnsupportedAudioException(String problem) {
    super("unsupported_audio", problem + ": " + SUPPORTED + ".");
  }

  public UnsupportedAudioException(String problem, Throwable cause) {
    super("unsupported_audio", problem + ": " + SUPPORTED + ".", cause);
  }
}
