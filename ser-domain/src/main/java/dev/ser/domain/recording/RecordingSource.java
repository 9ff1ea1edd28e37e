package dev.ser.domain.recording;

import java.util.Locale;

/** How the audio reached us. */
public enum RecordingSource {
  /** A file the person uploaded. */
  UPLOAD,
  /** Recorded in the browser with MediaRecorder. */
  RECORD,
  /** Picked from the admin's sample library; the audio is the sample's, shared, not copied. */
  SAMPLE,
  /** Streamed over the live WebSocket as it was spoken, and kept at the client's request. */
  LIVE;

  /** The lower-case name used on pages and in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RecordingSource fromLabel(String label) {
    for (RecordingSource source : values()) {
      if (source.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
        return source;
      }
    }
    throw new IllegalArgumentException(
        "unknown recording source '" + label + "'; expected upload, record, sample or live");
  }
}
