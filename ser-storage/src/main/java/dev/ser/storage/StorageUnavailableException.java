package dev.ser.storage;

/**
 * The database or the blob store cannot be reached or refused the operation for reasons that are
 * not the caller's fault (connection refused, timeout, pool exhausted). The web layer answers 503
 * with {@code Retry-After} and reports health DOWN; nothing needs restarting, the next call
 * retries.
 */
public class StorageUnavailableException extends RuntimeException {
  private final String code;

  public StorageUnavailableException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** {@code database_unavailable} or {@code blob_store_unavailable}. */
  public String code() {
    return code;
  }
}
