package dev.ser.audio;

/**
 * A recognised audio format whose content cannot be used: cut off before any sound, damaged
 * headers, or sample values that are not numbers (NaN, infinity).
 */
public final class CorruptAudioException extends AudioException {
  public CorruptAudioException(String message) {
    super("corrupt_audio", message);
  }

  public CorruptAudioException(String message, Throwable cause) {
    super("corrupt_audio", message, cause);
  }
}
