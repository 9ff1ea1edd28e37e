package dev.ser.audio;

/** The upload or file holds no bytes at all. */
public final class EmptyAudioException extends AudioException {
  public EmptyAudioException() {
    super("empty_audio", "The file is empty (0 bytes): record or choose the audio again.");
  }
}
