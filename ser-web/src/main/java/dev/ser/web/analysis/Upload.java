package dev.ser.web.analysis;

import dev.ser.domain.SerException;
import dev.ser.domain.recording.RecordingSource;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Audio as it arrived, before anything was done with it.
 *
 * @param bytes the file's bytes, at most the upload limit
 * @param declaredType the media type the client sent, lower-case without parameters; empty if none
 * @param filename the client's file name, for display only
 * @param source upload or browser recording (samples do not arrive as uploads)
 */
public record Upload(
    byte[] bytes,
    Optional<String> declaredType,
    Optional<String> filename,
    RecordingSource source) {

  public Upload {
    Objects.requireNonNull(bytes, "bytes");
    declaredType =
        Objects.requireNonNull(declaredType, "declaredType")
            .map(Upload::bareMediaType)
            .filter(type -> !type.isEmpty());
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(source, "source");
    if (source == RecordingSource.SAMPLE) {
      throw new IllegalArgumentException("samples are analysed from the library, not uploaded");
    }
  }

  /**
   * A file field of a page's form: its declared size is checked before a byte is read.
   *
   * @throws SerException {@code upload_too_large} over {@code maxBytes}
   */
  public static Upload of(Part file, long maxBytes, RecordingSource source) throws IOException {
    if (file.getSize() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    try (InputStream in = file.getInputStream()) {
      return new Upload(
          readLimited(in, maxBytes),
          Optional.ofNullable(file.getContentType()),
          Optional.ofNullable(file.getSubmittedFileName()),
          source);
    }
  }

  /**
   * A part of a multipart API request.
   *
   * @throws SerException {@code upload_too_large} over {@code maxBytes}
   */
  public static Upload of(EntityPart part, long maxBytes, RecordingSource source) {
    return new Upload(
        readLimited(part.getContent(), maxBytes),
        Optional.ofNullable(part.getMediaType()).map(Object::toString),
        part.getFileName(),
        source);
  }

  /**
   * Audio sent as an API request's whole body, with its {@code Content-Type}.
   *
   * @throws SerException {@code upload_too_large} over {@code maxBytes}
   */
  public static Upload ofBody(InputStream body, String contentType, long maxBytes) {
    return new Upload(
        readLimited(body, maxBytes),
        Optional.ofNullable(contentType),
        Optional.empty(),
        RecordingSource.UPLOAD);
  }

  /**
   * Reads at most {@code maxBytes} from the stream; more is refused with {@code upload_too_large}
   * before anything is decoded.
   */
  static byte[] readLimited(InputStream in, long maxBytes) {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SerException tooLarge(long maxBytes) {
    return new SerException(
        "upload_too_large",
        "The file is larger than " + maxBytes / (1024 * 1024) + " MB; send a shorter clip.");
  }

  public int size() {
    return bytes.length;
  }

  /** {@code Audio/WAV; codecs=1} becomes {@code audio/wav}. */
  static String bareMediaType(String type) {
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
