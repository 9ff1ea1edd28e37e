package dev.ser.audio.decode;

import dev.ser.audio.AudioTooShortException;
import dev.ser.audio.CorruptAudioException;
import dev.ser.audio.EmptyAudioException;
import dev.ser.audio.UnsupportedAudioException;
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

  /** The most channels {@link ChannelMode#SEPARATE} analyses; more is a mixing desk, not a call. */
  public static final int MAX_SEPARATE_CHANNELS = 8;

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
    Collector collector = new Collector();
    return collector.decoded(stream(bytes, ChannelMode.MIXED, collector));
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
    Collector collector = new Collector();
    return collector.decoded(stream(file, ChannelMode.MIXED, collector));
  }

  /**
   * Decodes an upload held in memory to {@code sink} a chunk at a time, so nothing grows with the
   * recording's length but what the sink keeps.
   *
   * @throws dev.ser.audio.AudioException as {@link #decode(byte[])} does; the sink may have
   *     received audio before it
   */
  public AudioSource stream(byte[] bytes, ChannelMode mode, SampleSink sink) {
    if (bytes.length == 0) {
      throw new EmptyAudioException();
    }
    SampleSink checked = new FiniteSamples(sink);
    AudioSource source =
        readWav(ByteBuffer.wrap(bytes), mode, checked)
            .orElseGet(() -> FfmpegReader.read(bytes, limits, mode, checked));
    return requireLongEnough(source);
  }

  /**
   * Decodes a file to {@code sink} a chunk at a time; see {@link #stream(byte[], ChannelMode,
   * SampleSink)}.
   */
  public AudioSource stream(Path file, ChannelMode mode, SampleSink sink) {
    SampleSink checked = new FiniteSamples(sink);
    Optional<AudioSource> wav;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        throw new EmptyAudioException();
      }
      ByteBuffer mapped =
          channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
      wav = readWav(mapped, mode, checked);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no such file: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
    return requireLongEnough(wav.orElseGet(() -> FfmpegReader.read(file, limits, mode, checked)));
  }

  /**
   * How many streams a source of {@code channels} channels gives.
   *
   * @throws UnsupportedAudioException with {@link ChannelMode#SEPARATE} for more than {@value
   *     #MAX_SEPARATE_CHANNELS} channels
   */
  static int streams(ChannelMode mode, int channels) {
    if (mode == ChannelMode.MIXED) {
      return 1;
    }
    if (channels > MAX_SEPARATE_CHANNELS) {
      throw new UnsupportedAudioException(
          "The audio has "
              + channels
              + " channels; separate analysis takes at most "
              + MAX_SEPARATE_CHANNELS
              + ".");
    }
    return channels;
  }

  private Optional<AudioSource> readWav(ByteBuffer file, ChannelMode mode, SampleSink sink) {
    return WavReader.looksLikeWav(file)
        ? WavReader.read(file, limits, mode, sink)
        : Optional.empty();
  }

  private AudioSource requireLongEnough(AudioSource source) {
    double seconds = source.durationSeconds();
    if (seconds == 0 || seconds < limits.minSeconds()) {
      throw new AudioTooShortException(seconds, limits.minSeconds());
    }
    return source;
  }

  /** Passes samples on, refusing NaN and infinity, which no recording holds. */
  private record FiniteSamples(SampleSink next) implements SampleSink {
    @Override
    public void accept(int channel, float[] samples, int length) {
      for (int i = 0; i < length; i++) {
        if (!Float.isFinite(samples[i])) {
          throw new CorruptAudioException(
              "The audio holds invalid sample values (NaN or infinity): export it again from the"
                  + " recording program.");
        }
      }
      next.accept(channel, samples, length);
    }
  }

  /** Keeps mixed audio whole, for {@link DecodedAudio}. */
  private static final class Collector implements SampleSink {
    private final SampleBuffer samples = new SampleBuffer(SAMPLE_RATE);

    @Override
    public void accept(int channel, float[] chunk, int length) {
      samples.append(chunk, length);
    }

    DecodedAudio decoded(AudioSource source) {
      return new DecodedAudio(
          samples.toArray(),
          SAMPLE_RATE,
          source.format(),
          source.sampleRate(),
          source.channels(),
          source.durationSeconds());
    }
  }
}
