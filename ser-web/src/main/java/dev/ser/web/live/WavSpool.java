package dev.ser.web.live;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A live stream's 16 kHz audio kept on disk while it runs (so memory does not grow with its length)
 * and read back as a 16-bit mono WAV file when the recording is stored.
 */
final class WavSpool implements AutoCloseable {
  private static final int RATE = 16_000;
  private static final int HEADER_BYTES = 44;

  private final Path file;
  private final OutputStream out;
  private final byte[] chunk = new byte[8192];
  private long dataBytes;

  WavSpool() throws IOException {
    file = Files.createTempFile("ser-live-", ".pcm");
    out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  /** Appends samples in [-1, 1], quantised to 16 bits as soundfile writes them. */
  void write(float[] samples, int length) {
    try {
      int at = 0;
      while (at < length) {
        int take = Math.min(length - at, chunk.length / 2);
        for (int i = 0; i < take; i++) {
          long value = Math.round(samples[at + i] * 32768.0);
          short sample = (short) Math.max(-32768, Math.min(32767, value));
          chunk[2 * i] = (byte) sample;
          chunk[2 * i + 1] = (byte) (sample >> 8);
        }
        out.write(chunk, 0, 2 * take);
        dataBytes += 2L * take;
        at += take;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole recording as a RIFF/WAVE file. */
  byte[] wav() throws IOException {
    out.flush();
    ByteBuffer wav = ByteBuffer.allocate(Math.toIntExact(HEADER_BYTES + dataBytes));
    wav.order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt((int) (36 + dataBytes))
        .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(RATE)
        .putInt(RATE * 2)
        .putShort((short) 2)
        .putShort((short) 16)
        .put("data".getBytes(StandardCharsets.US_ASCII))
        .putInt((int) dataBytes);
    try (var in = Files.newInputStream(file)) {
      in.readNBytes(wav.array(), HEADER_BYTES, (int) dataBytes);
    }
    return wav.array();
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      // Deleting is what matters.
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
