package dev.ser.domain.recording;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the stored bytes are: how to serve them back and how long they play.
 *
 * @param contentType the media type to stream them with, e.g. {@code audio/wav}
 * @param format the container name the decoder reported, e.g. {@code wav}, {@code mp3}
 * @param durationSeconds the decoded duration, positive
 * @param sizeBytes the stored byte count, positive
 */
public record AudioDescription(
    String contentType, String format, double durationSeconds, long sizeBytes) {
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
  private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9_,.+-]{0,31}");

  public AudioDescription {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(format, "format");
    if (!MEDIA_TYPE.matcher(contentType).matches()) {
      throw new IllegalArgumentException("not a bare media type: '" + contentType + "'");
    }
    if (!FORMAT.matcher(format).matches()) {
      throw new IllegalArgumentException("not a format name: '" + format + "'");
    }
    if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
      throw new IllegalArgumentException("duration must be positive: " + durationSeconds);
    }
    if (sizeBytes <= 0) {
      throw new IllegalArgumentException("size must be positive: " + sizeBytes);
    }
  }
}
