package dev.ser.audio.decode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes RIFF/WAVE files for the tests, byte by byte from the format specification, so the reader
 * under test is checked against an independent writer.
 */
final class TestWav {
  static final int PCM = 1;
  static final int IEEE_FLOAT = 3;
  static final int MU_LAW = 7;

  private TestWav() {}

  /**
   * A WAV of {@code channels[c][frame]} samples in [-1, 1], quantised to {@code bits}-bit PCM the
   * way soundfile writes it (round, then clip).
   */
  static byte[] pcm(int sampleRate, int bits, float[]... channels) {
    return wav(PCM, sampleRate, channels.length, bits, pcmData(bits, channels), false);
  }

  static byte[] pcmData(int bits, float[]... channels) {
    int bytes = bits / 8;
    int frames = channels[0].length;
    ByteBuffer data = ByteBuffer.allocate(frames * channels.length * bytes);
    data.order(ByteOrder.LITTLE_ENDIAN);
    for (int frame = 0; frame < frames; frame++) {
      for (float[] channel : channels) {
        double scale = Math.pow(2, bits - 1);
        long value = Math.round(channel[frame] * scale);
        value = Math.max((long) -scale, Math.min((long) scale - 1, value));
        if (bits == 8) {
          data.put((byte) (value + 128));
        } else {
          for (int b = 0; b < bytes; b++) {
            data.put((byte) (value >> (8 * b)));
          }
        }
      }
    }
    return data.array();
  }

  /** A 32- or 64-bit IEEE float WAV, samples written as given (NaN and infinity included). */
  static byte[] floats(int sampleRate, int bits, float[]... channels) {
    int frames = channels[0].length;
    ByteBuffer data = ByteBuffer.allocate(frames * channels.length * bits / 8);
    data.order(ByteOrder.LITTLE_ENDIAN);
    for (int frame = 0; frame < frames; frame++) {
      for (float[] channel : channels) {
        if (bits == 32) {
          data.putFloat(channel[frame]);
        } else {
          data.putDouble(channel[frame]);
        }
      }
    }
    return wav(IEEE_FLOAT, sampleRate, channels.length, bits, data.array(), false);
  }

  /** The same 16-bit PCM content, with a {@code WAVE_FORMAT_EXTENSIBLE} header. */
  static byte[] extensible16(int sampleRate, float[] mono) {
    return wav(PCM, sampleRate, 1, 16, pcmData(16, mono), true);
  }

  /**
   * A chunk-level WAV: {@code fmt } then {@code data}, with an odd-sized {@code LIST} chunk (and
   * its pad byte) between them as real recorders write, so readers must walk the chunks.
   */
  static byte[] wav(int formatTag, int sampleRate, int channels, int bits, byte[] data) {
    return wav(formatTag, sampleRate, channels, bits, data, false);
  }

  private static byte[] wav(
      int formatTag, int sampleRate, int channels, int bits, byte[] data, boolean extensible) {
    int blockAlign = channels * bits / 8;
    ByteBuffer fmt = ByteBuffer.allocate(extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) (extensible ? 0xFFFE : formatTag));
    fmt.putShort((short) channels);
    fmt.putInt(sampleRate);
    fmt.putInt(sampleRate * blockAlign);
    fmt.putShort((short) blockAlign);
    fmt.putShort((short) bits);
    if (extensible) {
      fmt.putShort((short) 22);
      fmt.putShort((short) bits);
      fmt.putInt(channels == 1 ? 0x4 : 0x3);
      fmt.putShort((short) formatTag);
      fmt.put(
          new byte[] {
            0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71
          });
    }
    byte[] list =
        "INFOISFT\u0005\u0000\u0000\u0000test\u0000"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.writeBytes(le32(4 + 8 + fmt.capacity() + 8 + list.length + 8 + data.length));
    out.writeBytes("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    chunk(out, "fmt ", fmt.array());
    chunk(out, "LIST", list);
    chunk(out, "data", data);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String id, byte[] body) {
    out.writeBytes(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.writeBytes(le32(body.length));
    out.writeBytes(body);
    if (body.length % 2 == 1) {
      out.write(0);
    }
  }

  private static byte[] le32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  static float[] sine(double hz, double amplitude, int sampleRate, double seconds) {
    float[] y = new float[(int) Math.round(seconds * sampleRate)];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
    }
    return y;
  }

  /**
   * The first index where the two sample arrays differ (bit for bit, or in length), or -1 when
   * identical; reports a mismatch without printing 80,000 samples.
   */
  static int firstDifference(float[] actual, float[] expected) {
    int n = Math.min(actual.length, expected.length);
    for (int i = 0; i < n; i++) {
      if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
        return i;
      }
    }
    return actual.length == expected.length ? -1 : n;
  }

  static byte[] resource(String path) {
    try (InputStream in = TestWav.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The samples of a 16-bit PCM mono WAV's {@code data} chunk divided by 32768, found by scanning.
   */
  static float[] pcm16Samples(byte[] wav) {
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    int position = 12;
    while (b.getInt(position) != 0x61746164) {
      position += 8 + b.getInt(position + 4);
    }
    int size = b.getInt(position + 4);
    float[] y = new float[size / 2];
    for (int i = 0; i < y.length; i++) {
      y[i] = b.getShort(position + 8 + 2 * i) / 32768f;
    }
    return y;
  }
}
