package dev.ser.web.analysis;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which request bodies may be audio, and which media type stored audio is streamed back with. The
 * decoder decides what the bytes really are; this only turns away bodies that say they are
 * something else (JSON, text, images), with 415 before any work is done.
 */
public final class MediaTypes {
  private static final Set<String> GENERIC = Set.of("application/octet-stream");
  private static final Set<String> CONTAINERS = Set.of("video/webm", "video/mp4", "video/ogg");

  /** FFmpeg's and the WAV reader's format names, to what a browser plays. */
  private static final Map<String, String> BY_FORMAT =
      Map.ofEntries(
          Map.entry("wav", "audio/wav"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("mov,mp4,m4a,3gp,3g2,mj2", "audio/mp4"),
          Map.entry("mp4", "audio/mp4"),
          Map.entry("m4a", "audio/mp4"),
          Map.entry("aac", "audio/aac"),
          Map.entry("flac", "audio/flac"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("matroska,webm", "audio/webm"),
          Map.entry("webm", "audio/webm"));

  private MediaTypes() {}

  /**
   * Whether a body declared as {@code type} may hold audio (absent means "let the decoder see").
   */
  public static boolean mayBeAudio(Optional<String> type) {
    return type.map(t -> t.startsWith("audio/") || CONTAINERS.contains(t) || GENERIC.contains(t))
        .orElse(true);
  }

  /** The type to stream the stored bytes with: from the decoded format, else what was declared. */
  public static String forStorage(String decodedFormat, Optional<String> declared) {
    String known = BY_FORMAT.get(decodedFormat);
    if (known != null) {
      return known;
    }
    return declared.filter(t -> t.startsWith("audio/")).orElse("application/octet-stream");
  }
}
