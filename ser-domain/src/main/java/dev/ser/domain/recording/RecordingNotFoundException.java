package dev.ser.domain.recording;

import dev.ser.domain.SerException;

/**
 * No recording with that id is visible to the caller: it never existed, was deleted, or belongs to
 * someone else (the three are deliberately indistinguishable).
 */
public class RecordingNotFoundException extends SerException {
  public RecordingNotFoundException(Object id) {
    super("not_found", "no recording '" + id + "'");
  }
}
