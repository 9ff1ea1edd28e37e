package dev.ser.training.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated sounds that are not speech, at 16 kHz, for measuring how often the speech detector
 * takes a machine's sound for a voice: tones, sweeps, noise of four colours, DTMF, clicks, mains
 * hum, music-like melodies and chords, a tone pulsed at a syllable's rate, a tone in noise. Each
 * kind is drawn with random parameters from a seed, so a set can be made again exactly.
 */
public final class NonSpeech {
  public static final int SAMPLE_RATE = 16000;

  /** What a generated clip is. */
  public enum Kind {
    TONE,
    HARMONIC_TONE,
    SWEEP,
    WHITE_NOISE,
    PINK_NOISE,
    BROWN_NOISE,
    BLUE_NOISE,
    DTMF,
    CLICKS,
    HUM,
    MELODY,
    VIBRATO_MELODY,
    CHORDS,
    PULSED_TONE,
    TONE_IN_NOISE
  }

  /** One generated clip. */
  public record Clip(Kind kind, String description, float[] samples) {
    public double seconds() {
      return (double) samples.length / SAMPLE_RATE;
    }
  }

  private final Random random;

  public NonSpeech(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} clips of 1-10 s, the kinds taken in turn. */
  public List<Clip> clips(int count) {
    List<Clip> clips = new ArrayList<>(count);
    Kind[] kinds = Kind.values();
    for (int i = 0; i < count; i++) {
      clips.add(clip(kinds[i % kinds.length], 1 + 9 * random.nextDouble()));
    }
    return clips;
  }

  public Clip clip(Kind kind, double seconds) {
    int n = (int) Math.round(seconds * SAMPLE_RATE);
    double gain = Math.pow(10, (-30 + 27 * random.nextDouble()) / 20);
    return switch (kind) {
      case TONE -> {
        double hz = logUniform(80, 4000);
        yield new Clip(kind, String.format("%.0f Hz sine", hz), scaled(harmonic(n, hz, 1), gain));
      }
      case HARMONIC_TONE -> {
        double hz = logUniform(65, 600);
        int shape = random.nextInt(3);
        String name = new String[] {"square", "sawtooth", "triangle"}[shape];
        yield new Clip(
            kind, String.format("%.0f Hz %s", hz, name), scaled(waveform(n, hz, shape), gain));
      }
      case SWEEP -> {
        double from = logUniform(50, 8000);
        double to = logUniform(50, 8000);
        boolean logarithmic = random.nextBoolean();
        yield new Clip(
            kind,
            String.format("%s sweep %.0f-%.0f Hz", logarithmic ? "log" : "linear", from, to),
            scaled(sweep(n, from, to, logarithmic), gain));
      }
      case WHITE_NOISE -> new Clip(kind, "white noise", scaled(coloured(n, 0), gain));
      case PINK_NOISE -> new Clip(kind, "pink noise", scaled(coloured(n, 1), gain));
      case BROWN_NOISE -> new Clip(kind, "brown noise", scaled(coloured(n, 2), gain));
      case BLUE_NOISE -> new Clip(kind, "blue noise", scaled(coloured(n, -1), gain));
      case DTMF -> new Clip(kind, "DTMF digits", scaled(dtmf(n), gain));
      case CLICKS -> {
        boolean periodic = random.nextBoolean();
        double rate = periodic ? logUniform(2, 200) : logUniform(1, 50);
        yield new Clip(
            kind,
            String.format("%s clicks, %.1f/s", periodic ? "periodic" : "random", rate),
            scaled(clicks(n, rate, periodic), gain));
      }
      case HUM -> {
        double hz = random.nextBoolean() ? 50 : 60;
        yield new Clip(kind, String.format("%.0f Hz hum", hz), scaled(hum(n, hz), gain));
      }
      case MELODY -> new Clip(kind, "melody", scaled(melody(n, false, 1), gain));
      case VIBRATO_MELODY ->
          new Clip(kind, "melody with vibrato", scaled(melody(n, true, 1), gain));
      case CHORDS -> new Clip(kind, "chords", scaled(melody(n, random.nextBoolean(), 3), gain));
      case PULSED_TONE -> {
        double hz = logUniform(100, 1000);
        double rate = 2 + 6 * random.nextDouble();
        float[] tone = harmonic(n, hz, 1);
        for (int i = 0; i < n; i++) {
          tone[i] *= (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * rate * i / SAMPLE_RATE));
        }
        yield new Clip(
            kind, String.format("%.0f Hz tone pulsed %.1f/s", hz, rate), scaled(tone, gain));
      }
      case TONE_IN_NOISE -> {
        double hz = logUniform(80, 2000);
        double snr = 20 * random.nextDouble();
        float[] tone = scaled(harmonic(n, hz, 1), 1);
        float[] noise = scaled(coloured(n, 0), Math.pow(10, -snr / 20));
        for (int i = 0; i < n; i++) {
          tone[i] += noise[i];
        }
        yield new Clip(
            kind, String.format("%.0f Hz sine in noise, SNR %.0f dB", hz, snr), scaled(tone, gain));
      }
    };
  }

  private double logUniform(double low, double high) {
    return low * Math.pow(high / low, random.nextDouble());
  }

  /** A tone of {@code harmonics} harmonics, each 6 dB under the one before. */
  private float[] harmonic(int n, double hz, int harmonics) {
    float[] y = new float[n];
    for (int h = 1; h <= harmonics && h * hz < SAMPLE_RATE / 2.0; h++) {
      double amplitude = Math.pow(0.5, h - 1);
      double phase = 2 * Math.PI * random.nextDouble();
      for (int i = 0; i < n; i++) {
        y[i] += (float) (amplitude * Math.sin(2 * Math.PI * h * hz * i / SAMPLE_RATE + phase));
      }
    }
    return y;
  }

  /** Band-limited square (0), sawtooth (1) or triangle (2). */
  private static float[] waveform(int n, double hz, int shape) {
    float[] y = new float[n];
    for (int h = 1; h * hz < SAMPLE_RATE / 2.0; h++) {
      double amplitude =
          switch (shape) {
            case 0 -> h % 2 == 1 ? 1.0 / h : 0;
            case 1 -> 1.0 / h;
            default -> h % 2 == 1 ? 1.0 / (h * h) : 0;
          };
      if (amplitude == 0) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        y[i] += (float) (amplitude * Math.sin(2 * Math.PI * h * hz * i / SAMPLE_RATE));
      }
    }
    return y;
  }

  private static float[] sweep(int n, double from, double to, boolean logarithmic) {
    float[] y = new float[n];
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double x = (double) i / n;
      double hz = logarithmic ? from * Math.pow(to / from, x) : from + (to - from) * x;
      phase += 2 * Math.PI * hz / SAMPLE_RATE;
      y[i] = (float) Math.sin(phase);
    }
    return y;
  }

  /**
   * Noise whose power falls by {@code 3 * slope} dB per octave: 0 white, 1 pink (Voss-McCartney
   * rows), 2 brown (leaky integral), -1 blue (first difference).
   */
  private float[] coloured(int n, int slope) {
    float[] y = new float[n];
    switch (slope) {
      case 1 -> {
        double[] rows = new double[16];
        double sum = 0;
        for (int i = 0; i < n; i++) {
          int row = Integer.numberOfTrailingZeros(i + 1) % rows.length;
          sum -= rows[row];
          rows[row] = random.nextGaussian();
          sum += rows[row];
          y[i] = (float) (sum + random.nextGaussian());
        }
      }
      case 2 -> {
        double level = 0;
        for (int i = 0; i < n; i++) {
          level = 0.998 * level + random.nextGaussian();
          y[i] = (float) level;
        }
      }
      case -1 -> {
        double previous = 0;
        for (int i = 0; i < n; i++) {
          double white = random.nextGaussian();
          y[i] = (float) (white - previous);
          previous = white;
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          y[i] = (float) random.nextGaussian();
        }
      }
    }
    return y;
  }

  private float[] dtmf(int n) {
    double[] rows = {697, 770, 852, 941};
    double[] columns = {1209, 1336, 1477, 1633};
    float[] y = new float[n];
    int i = 0;
    while (i < n) {
      int tone = (int) ((0.07 + 0.13 * random.nextDouble()) * SAMPLE_RATE);
      double low = rows[random.nextInt(rows.length)];
      double high = columns[random.nextInt(columns.length)];
      for (int k = 0; k < tone && i + k < n; k++) {
        double t = (double) k / SAMPLE_RATE;
        y[i + k] = (float) (Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t));
      }
      i += tone + (int) ((0.05 + 0.1 * random.nextDouble()) * SAMPLE_RATE);
    }
    return y;
  }

  private float[] clicks(int n, double rate, boolean periodic) {
    float[] y = new float[n];
    double t = periodic ? 0 : -Math.log(1 - random.nextDouble()) / rate;
    while (t * SAMPLE_RATE < n) {
      int at = (int) (t * SAMPLE_RATE);
      for (int k = 0; k < 16 && at + k < n; k++) {
        y[at + k] = (float) ((1 - k / 16.0) * (k % 2 == 0 ? 1 : -1));
      }
      t += periodic ? 1 / rate : -Math.log(1 - random.nextDouble()) / rate;
    }
    return y;
  }

  private float[] hum(int n, double hz) {
    float[] y = harmonic(n, hz, 6);
    for (int i = 0; i < n; i++) {
      y[i] += (float) (0.01 * random.nextGaussian());
    }
    return y;
  }

  /**
   * Notes of 150-600 ms on a scale, each a harmonic tone with an attack and a decay; {@code voices}
   * notes at once make chords; {@code vibrato} adds a 5-6 Hz pitch wobble of up to a semitone.
   */
  private float[] melody(int n, boolean vibrato, int voices) {
    float[] y = new float[n];
    int i = 0;
    while (i < n) {
      int length = (int) ((0.15 + 0.45 * random.nextDouble()) * SAMPLE_RATE);
      int root = random.nextInt(36);
      for (int v = 0; v < voices; v++) {
        double hz = 110 * Math.pow(2, (root + 4 * v + (v > 1 ? -1 : 0)) / 12.0);
        int harmonics = 1 + random.nextInt(8);
        double depth = vibrato ? 0.3 + 0.7 * random.nextDouble() : 0;
        double rate = 5 + random.nextDouble();
        double phase = 0;
        for (int k = 0; k < length && i + k < n; k++) {
          double t = (double) k / SAMPLE_RATE;
          double f = hz * Math.pow(2, depth * Math.sin(2 * Math.PI * rate * t) / 12);
          phase += 2 * Math.PI * f / SAMPLE_RATE;
          double envelope = Math.min(1, t / 0.02) * Math.exp(-2 * t);
          double sample = 0;
          for (int h = 1; h <= harmonics && h * f < SAMPLE_RATE / 2.0; h++) {
            sample += Math.pow(0.6, h - 1) * Math.sin(h * phase);
          }
          y[i + k] += (float) (envelope * sample);
        }
      }
      i += length;
    }
    return y;
  }

  /** Scaled to a peak of {@code peak}. */
  private static float[] scaled(float[] y, double peak) {
    float max = 0;
    for (float v : y) {
      max = Math.max(max, Math.abs(v));
    }
    if (max > 0) {
      float factor = (float) (peak / max);
      for (int i = 0; i < y.length; i++) {
        y[i] *= factor;
      }
    }
    return y;
  }
}
