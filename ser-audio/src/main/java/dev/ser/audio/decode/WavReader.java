package dev.ser.audio.decode;

import dev.ser.audio.AudioTooLongException;
import dev.ser.audio.CorruptAudioException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Reads RIFF/WAVE files of linear PCM (8-bit unsigned, 16/24/32-bit signed) and IEEE float
 * (32/64-bit), plain or {@code WAVE_FORMAT_EXTENSIBLE}, without FFmpeg. Integer samples are divided
 * by {@code 2^(bits-1)} of their container, as soundfile (and so librosa) does, which keeps 16 kHz
 * 16-bit WAV bit-exact. Channels are averaged as {@code librosa.to_mono} does: summed in order in
 * float32, then divided by the channel count.
 *
 * <p>Samples go to a {@link SampleSink} a chunk at a time, mixed or one stream per channel ({@link
 * ChannelMode}); sources at another rate than 16 kHz are resampled ({@link Resampler}) on the way.
 *
 * <p>Other WAV encodings (ADPCM, mu-law, A-law) are left to FFmpeg: {@link #read} returns empty. A
 * {@code data} chunk that claims more bytes than the file holds (a cut-off upload, or a streaming
 * writer's {@code 0xFFFFFFFF}) is read up to the last whole frame present.
 */
final class WavReader {
  private static final int PCM = 1;
  private static final int IEEE_FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;
  private static final int CHUNK_FRAMES = 1 << 16;

  private WavReader() {}

  /** Whether {@code header} starts like a RIFF/WAVE file. */
  static boolean looksLikeWav(ByteBuffer header) {
    return header.remaining() >= 12
        && header.getInt(header.position()) == fourCc("RIFF")
        && header.getInt(header.position() + 8) == fourCc("WAVE");
  }

  /**
   * @param file the whole file, from its first byte
   * @throws CorruptAudioException if the RIFF structure is broken or holds no audio frames
   * @throws AudioTooLongException if the data holds more than {@code limits.maxSeconds()}, before
   *     any sample is converted
   */
  static Optional<AudioSource> read(
      ByteBuffer file, DecodeLimits limits, ChannelMode mode, SampleSink sink) {
    ByteBuffer in = file.slice().order(ByteOrder.LITTLE_ENDIAN);
    in.position(12);
    Format format = null;
    int dataOffset = -1;
    long dataBytes = 0;
    while (in.remaining() >= 8 && (format == null || dataOffset < 0)) {
      int id = in.order(ByteOrder.BIG_ENDIAN).getInt();
      long size = Integer.toUnsignedLong(in.order(ByteOrder.LITTLE_ENDIAN).getInt());
      int start = in.position();
      if (id == fourCc("data")) {
        dataOffset = start;
        dataBytes = Math.min(size, in.remaining());
      } else if (id == fourCc("fmt ")) {
        if (size < 16 || size > in.remaining()) {
          throw new CorruptAudioException("The WAV file's format header is cut off or damaged.");
        }
        format = Format.parse(in.duplicate().order(ByteOrder.LITTLE_ENDIAN), (int) size);
      }
      long next = start + size + (size & 1);
      if (next > in.limit()) {
        break;
      }
      in.position((int) next);
    }
    if (format == null) {
      throw new CorruptAudioException("The WAV file has no format header: it is damaged.");
    }
    if (format.encoding() == Encoding.OTHER) {
      return Optional.empty();
    }
    if (dataOffset < 0) {
      throw new CorruptAudioException("The WAV file holds no audio data: it is damaged or empty.");
    }
    long frames = dataBytes / format.blockAlign();
    if (frames > limits.maxFrames(format.sampleRate())) {
      throw new AudioTooLongException(limits.maxSeconds(), (double) frames / format.sampleRate());
    }
    in.position(dataOffset);
    int streams = AudioDecoder.streams(mode, format.channels());
    format.decode(in, (int) frames, mode == ChannelMode.SEPARATE, sink);
    return Optional.of(
        new AudioSource(
            "wav",
            format.sampleRate(),
            format.channels(),
            (double) frames / format.sampleRate(),
            streams));
  }

  private static int fourCc(String id) {
    return (id.charAt(0) << 24) | (id.charAt(1) << 16) | (id.charAt(2) << 8) | id.charAt(3);
  }

  private enum Encoding {
    UNSIGNED_8,
    SIGNED_16,
    SIGNED_24,
    SIGNED_32,
    FLOAT_32,
    FLOAT_64,
    OTHER
  }

  private record Format(Encoding encoding, int channels, int sampleRate, int blockAlign) {

    static Format parse(ByteBuffer fmt, int size) {
      int tag = Short.toUnsignedInt(fmt.getShort());
      int channels = Short.toUnsignedInt(fmt.getShort());
      int sampleRate = fmt.getInt();
      fmt.getInt();
      int blockAlign = Short.toUnsignedInt(fmt.getShort());
      fmt.getShort();
      if (tag == EXTENSIBLE && size >= 40) {
        fmt.position(fmt.position() + 8);
        tag = Short.toUnsignedInt(fmt.getShort());
      }
      if (channels == 0 || blockAlign == 0 || blockAlign % channels != 0) {
        throw new CorruptAudioException(
            "The WAV file's format header is damaged (no channels or frame size).");
      }
      Resampler.requireSupportedRate(sampleRate);
      return new Format(encoding(tag, blockAlign / channels), channels, sampleRate, blockAlign);
    }

    private static Encoding encoding(int tag, int bytesPerSample) {
      if (tag == PCM) {
        return switch (bytesPerSample) {
          case 1 -> Encoding.UNSIGNED_8;
          case 2 -> Encoding.SIGNED_16;
          case 3 -> Encoding.SIGNED_24;
          case 4 -> Encoding.SIGNED_32;
          default -> Encoding.OTHER;
        };
      }
      if (tag == IEEE_FLOAT) {
        return switch (bytesPerSample) {
          case 4 -> Encoding.FLOAT_32;
          case 8 -> Encoding.FLOAT_64;
          default -> Encoding.OTHER;
        };
      }
      return Encoding.OTHER;
    }

    /**
     * Sends {@code frames} frames to {@code sink} a chunk at a time: at 16 kHz as they are, at
     * other rates resampled; mixed to channel 0, or each channel to its own number.
     */
    void decode(ByteBuffer data, int frames, boolean separate, SampleSink sink) {
      int streams = separate ? channels : 1;
      Resampler[] resamplers = new Resampler[streams];
      for (int s = 0; s < streams; s++) {
        resamplers[s] = new Resampler(sampleRate, AudioDecoder.SAMPLE_RATE, s, sink);
      }
      float[][] chunk = new float[streams][Math.min(CHUNK_FRAMES, frames)];
      for (int done = 0; done < frames; done += CHUNK_FRAMES) {
        int length = Math.min(CHUNK_FRAMES, frames - done);
        if (separate) {
          split(data, length, chunk);
        } else {
          toMono(data, length, chunk[0]);
        }
        for (int s = 0; s < streams; s++) {
          resamplers[s].push(chunk[s], length);
        }
      }
      for (Resampler resampler : resamplers) {
        resampler.finish();
      }
    }

    private void toMono(ByteBuffer data, int frames, float[] mono) {
      for (int frame = 0; frame < frames; frame++) {
        float sum = sample(data);
        for (int channel = 1; channel < channels; channel++) {
          sum += sample(data);
        }
        mono[frame] = channels == 1 ? sum : sum / channels;
      }
    }

    private void split(ByteBuffer data, int frames, float[][] out) {
      for (int frame = 0; frame < frames; frame++) {
        for (int channel = 0; channel < channels; channel++) {
          out[channel][frame] = sample(data);
        }
      }
    }

    private float sample(ByteBuffer data) {
      return switch (encoding) {
        case UNSIGNED_8 -> ((data.get() & 0xFF) - 128) / 128f;
        case SIGNED_16 -> data.getShort() / 32768f;
        case SIGNED_24 -> {
          int low = data.get() & 0xFF;
          int mid = data.get() & 0xFF;
          int high = data.get();
          yield ((high << 16) | (mid << 8) | low) / 8388608f;
        }
        case SIGNED_32 -> (float) (data.getInt() / 2147483648.0);
        case FLOAT_32 -> data.getFloat();
        case FLOAT_64 -> (float) data.getDouble();
        case OTHER -> throw new IllegalStateException("not a linear encoding");
      };
    }
  }
}
