package dev.ser.domain;

/**
 * Root of everything a caller did wrong (bad audio, unknown id, limits exceeded). The web layer
 * maps it once to HTTP and once to a Faces message; {@link #code()} is the stable, machine-readable
 * name that API clients see as {@code error}.
 */
public class SerException extends RuntimeException {
  private final String code;

  public SerException(String code, String message) {
    super(message);
    this.code = code;
  }

  public SerException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
