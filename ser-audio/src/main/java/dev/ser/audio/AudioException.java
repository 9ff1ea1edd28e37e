package dev.ser.audio;

/**
 * Audio a user brought that cannot be analysed. {@link #code()} is a stable machine-readable name
 * (the API's {@code error} field); the message is meant for the person who sent the audio.
 */
public class AudioException extends RuntimeException {
  private final String code;

  public AudioException(String code, String message) {
    super(message);
    this.code = code;
  }

  public AudioException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
