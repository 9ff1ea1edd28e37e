package dev.ser.audio.feature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One input of {@code src/test/resources/golden}: its samples as librosa read them and the features
 * librosa 0.10.2 computed (see the README of ../shared/golden).
 */
record Golden(String name, int sampleRate, float[] samples, JsonNode json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The 16 kHz mono inputs: librosa saw exactly the file's samples. */
  static final String[] AT_16K = {
    "silence_1s",
    "noise_100ms",
    "white_noise_2s",
    "sine_440hz_1s",
    "chirp_100_7000hz_3s",
    "square_clipped_1s",
    "speech_16k",
    "ravdess_angry_actor03",
    "ravdess_sad_actor12"
  };

  static Golden load(String name) {
    try (InputStream wav = resource(name + ".wav");
        InputStream json = resource(name + ".json")) {
      Wav decoded = Wav.read(wav.readAllBytes());
      return new Golden(name, decoded.sampleRate(), decoded.samples(), JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  float[][] matrix(String key) {
    return matrix(json.get(key));
  }

  float[] vector(String key) {
    return vector(json.get(key));
  }

  JsonNode librosaDefaults() {
    return json.get("librosa_defaults");
  }

  static float[][] matrix(JsonNode rows) {
    float[][] m = new float[rows.size()][];
    for (int r = 0; r < m.length; r++) {
      m[r] = vector(rows.get(r));
    }
    return m;
  }

  /** A {@code [frames]} vector; librosa's {@code [1][frames]} shape is accepted too. */
  static float[] vector(JsonNode values) {
    JsonNode flat = values.size() > 0 && values.get(0).isArray() ? values.get(0) : values;
    float[] v = new float[flat.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) flat.get(i).asDouble();
    }
    return v;
  }

  private static InputStream resource(String file) {
    InputStream in = Golden.class.getResourceAsStream("/golden/" + file);
    if (in == null) {
      throw new IllegalStateException("missing test resource golden/" + file);
    }
    return in;
  }

  /** Mono RIFF/WAVE, 16-bit PCM or 32-bit float, read as librosa reads it (PCM / 32768). */
  record Wav(int sampleRate, float[] samples) {
    static Wav read(byte[] bytes) {
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
        throw new IllegalArgumentException("not a RIFF/WAVE file");
      }
      int format = 0;
      int channels = 0;
      int sampleRate = 0;
      int bits = 0;
      int position = 12;
      while (position + 8 <= bytes.length) {
        int id = b.getInt(position);
        int size = b.getInt(position + 4);
        int body = position + 8;
        if (id == 0x20746d66) {
          format = b.getShort(body) & 0xffff;
          channels = b.getShort(body + 2);
          sampleRate = b.getInt(body + 4);
          bits = b.getShort(body + 14);
        } else if (id == 0x61746164) {
          if (channels != 1) {
            throw new IllegalArgumentException("expected mono, got " + channels + " channels");
          }
          return new Wav(sampleRate, samples(b, body, size, format, bits));
        }
        position = body + size + (size & 1);
      }
      throw new IllegalArgumentException("no data chunk");
    }

    private static float[] samples(ByteBuffer b, int offset, int size, int format, int bits) {
      if (format == 1 && bits == 16) {
        float[] y = new float[size / 2];
        for (int i = 0; i < y.length; i++) {
          y[i] = b.getShort(offset + 2 * i) / 32768f;
        }
        return y;
      }
      if (format == 3 && bits == 32) {
        float[] y = new float[size / 4];
        for (int i = 0; i < y.length; i++) {
          y[i] = b.getFloat(offset + 4 * i);
        }
        return y;
      }
      throw new IllegalArgumentException("unsupported WAV format " + format + "/" + bits + " bit");
    }
  }
}
