package dev.ser.web.analysis;

import dev.ser.storage.blob.StoredAudio;
import java.util.Objects;

/** Stored audio with the media type to stream it as; the receiver closes {@link #audio()}. */
public record StoredMedia(StoredAudio audio, String contentType) {
  public StoredMedia {
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(contentType, "contentType");
  }
}
