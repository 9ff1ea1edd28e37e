package dev.ser.training.corpus;

import dev.ser.domain.SerException;

/**
 * A corpus that cannot be read as asked: unknown spec, missing directory, malformed manifest row,
 * metadata that names audio that is not there. The message says which file and line.
 */
public class CorpusException extends SerException {
  public CorpusException(String message) {
    super("corpus_invalid", message);
  }

  public CorpusException(String message, Throwable cause) {
    super("corpus_invalid", message, cause);
  }
}
