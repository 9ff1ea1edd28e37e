package dev.ser.inference;

/**
 * The emotion model cannot be loaded or does not fit this build (missing files, a model card that
 * does not parse, a feature spec that differs from the extractor's). {@link #code()} is stable and
 * machine-readable, like {@link dev.ser.domain.SerException#code()}.
 */
public class ModelException extends RuntimeException {
  private final String code;

  public ModelException(String code, String message) {
    super(message);
    this.code = code;
  }

  public ModelException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
