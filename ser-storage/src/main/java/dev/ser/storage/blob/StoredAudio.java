package dev.ser.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An open stream over one stored object. The caller copies it to the HTTP response and closes it;
 * the bytes are never loaded whole and never exposed through a public URL.
 *
 * @param content the bytes, from the start
 * @param sizeBytes how many bytes {@code content} yields (for {@code Content-Length})
 */
public record StoredAudio(InputStream content, long sizeBytes) implements AutoCloseable {
  public StoredAudio {
    Objects.requireNonNull(content, "content");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("size cannot be negative: " + sizeBytes);
    }
  }

  /** Reads everything; for small objects and tests. */
  public byte[] readAllBytes() {
    try (InputStream in = content) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      content.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
