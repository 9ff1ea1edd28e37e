package dev.ser.audio.decode;

import dev.ser.audio.AudioTooShortException;
import dev.ser.audio.CorruptAudioException;
import dev.ser.audio.EmptyAudioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Decodes any supported audio (WAV, MP3, M4A/AAC, FLAC, Ogg/Opus, WebM/Opus) to the analysis
 * format: {@value #SAMPLE_RATE} Hz mono float32, channels averaged, like {@code librosa.load(path,
 * sr=16000, mono=True, res_type="polyphase")}.
 *
 * <p>WAV in linear PCM or float is read in pure Java ({@link WavReader}); at 16 kHz its samples
 * come out bit-exact, with no resampler pass; other rates are resampled as they are read.
 * Everything else is decoded by FFmpeg ({@link FfmpegReader}), each decoded frame resampled as it
 * arrives. Resampling is librosa's {@code res_type="polyphase"}, scipy's {@code resample_poly}
 * ({@link Resampler}).
 *
 * <p>Decoding stops as soon as the audio passes {@link DecodeLimits#maxSeconds()}, or FFmpeg has
 * decoded for longer than {@link DecodeLimits#maxDecodeSeconds()} (the pure-Java WAV reader's work
 * is bounded by the duration limit alone). Bad input always ends in an {@link
 * dev.ser.audio.AudioException} subclass with a stable code. Silence is not rejected here, so
 * features of silence can still be computed: callers analysing speech call {@link
 * DecodedAudio#requireSound()}.
 *
 * <p>Immutable and thread-safe: every call opens and closes its own decoder.
 */
public final class AudioDecoder {
  public static final int SAMPLE_RATE = 16_000;

  private final DecodeLimits limits;

  public AudioDecoder() {
    this(DecodeLimits.DEFAULT);
  }

  public AudioDecoder(DecodeLimits limits) {
    this.limits = limits;
  }

  public DecodeLimits limits() {
    return limits;
  }

  /** Decodes an upload held in memory. */
  public DecodedAudio decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new EmptyAudioException();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return finish(readWav(buffer).orElseGet(() -> FfmpegReader.read(bytes, limits)));
  }

  /**
   * Decodes a stream to its end. The whole stream is read into memory first (container formats like
   * MP4 need to seek), so callers bound its size, as an upload limit does.
   */
  public DecodedAudio decode(InputStream stream) throws IOException {
    return decode(stream.readAllBytes());
  }

  /**
   * Decodes a file.
   *
   * @throws UncheckedIOException if the file cannot be read (missing, no permission)
   */
  public DecodedAudio decode(Path file) {
    Optional<DecodedAudio> wav;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        throw new EmptyAudioException();
      }
      ByteBuffer mapped =
          channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
      wav = readWav(mapped);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no such file: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
    return finish(wav.orElseGet(() -> FfmpegReader.read(file, limits)));
  }

  private Optional<DecodedAudio> readWav(ByteBuffer file) {
    return WavReader.looksLikeWav(file) ? WavReader.read(file, limits) : Optional.empty();
  }

  private DecodedAudio finish(DecodedAudio audio) {
    for (float sample : audio.samples()) {
      if (!Float.isFinite(sample)) {
        throw new CorruptAudioException(
            "The audio holds invalid sample values (NaN or infinity): export it again from the"
                + " recording program.");
      }
    }
    if (audio.samples().length == 0 || audio.durationSeconds() < limits.minSeconds()) {
      throw new AudioTooShortException(audio.durationSeconds(), limits.minSeconds());
    }
    return audio;
  }
}
