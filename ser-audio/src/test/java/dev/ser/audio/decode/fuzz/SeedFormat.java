package dev.ser.audio.decode.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The valid files mutants are made from: the same 4.85 s of speech in each container the decoder
 * reads, from this module's test resources (so the fuzz harnesses of other modules find them on
 * their class path too).
 */
public enum SeedFormat {
  WAV("wav", "/golden/speech_16k.wav", "audio/wav"),
  MP3("mp3", "/formats/speech_16k.mp3", "audio/mpeg"),
  M4A("m4a", "/formats/speech_16k.m4a", "audio/mp4"),
  WEBM("webm", "/formats/speech_16k.webm", "audio/webm"),
  OGG("ogg", "/formats/speech_16k.ogg", "audio/ogg"),
  FLAC("flac", "/formats/speech_16k.flac", "audio/flac");

  private final String extension;
  private final String resource;
  private final String mediaType;
  private volatile byte[] bytes;

  SeedFormat(String extension, String resource, String mediaType) {
    this.extension = extension;
    this.resource = resource;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The Content-Type an honest client sends with this format. */
  public String mediaType() {
    return mediaType;
  }

  /** A copy of the seed file. */
  public byte[] bytes() {
    byte[] loaded = bytes;
    if (loaded == null) {
      try (InputStream in = SeedFormat.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is not on the class path");
        }
        loaded = in.readAllBytes();
        bytes = loaded;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loaded.clone();
  }

  /** The format whose file name ends in {@code .extension}. */
  public static SeedFormat ofExtension(String extension) {
    for (SeedFormat format : values()) {
      if (format.extension.equalsIgnoreCase(extension)) {
        return format;
      }
    }
    throw new IllegalArgumentException("no seed format ." + extension);
  }
}
