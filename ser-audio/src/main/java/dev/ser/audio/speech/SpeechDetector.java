package dev.ser.audio.speech;

import dev.ser.audio.spectrum.Stft;
import java.util.Arrays;

/**
 * Decides, per 10 ms frame, whether someone speaks: voice-activity detection for 16 kHz mono audio.
 *
 * <p>Speech is found through its voice. A frame loud enough to matter is voiced when YIN finds a
 * period of a human voice in it ({@link Pitch}); consecutive voiced frames with a continuous pitch
 * form a run. A run counts as speech only when it is not a machine's sound:
 *
 * <ul>
 *   <li>a pure tone or a sweep puts nearly all of its energy into one spectral peak, while a voice
 *       spreads it over harmonics shaped by the vocal tract: runs where most frames have more than
 *       {@link #TONE_SHARE} of their energy in one peak are refused;
 *   <li>a synthetic note, hum or click train holds its pitch exactly, while a voice's pitch always
 *       moves: runs whose pitch stays within {@link #FLAT_SEMITONES} are refused;
 *   <li>an instrument's note keeps the relative levels of its harmonics, with or without vibrato,
 *       while a voice moves them with every change of the vocal tract's shape: runs whose first
 *       harmonics change less than {@link #FIXED_TIMBRE_DB} are refused ({@link #timbreChange});
 *   <li>a chord has a common period but no energy at its frequency, while a voice's fundamental is
 *       always there: such runs are refused too.
 * </ul>
 *
 * Accepted runs are widened by {@link #HANGOVER_FRAMES} on each side, which takes in the unvoiced
 * consonants and the onsets around the vowels, within the frames that are loud enough. Noise has no
 * period, so it forms no run. Thread-safe: no state between calls.
 */
public final class SpeechDetector {
  /** The audio rate this detector reads, Hz. */
  public static final int SAMPLE_RATE = 16000;

  /** Frame hop: 10 ms. */
  public static final int HOP = 160;

  /** Runs shorter than this (50 ms) are too short to judge as a voice. */
  static final int MIN_RUN_FRAMES = 5;

  /**
   * A pitch jump larger than this between frames starts a new run (an octave error or a new voice).
   */
  static final double JUMP_SEMITONES = 3;

  /** Share of a frame's energy in its strongest peak above which the frame is a tone. */
  static final double TONE_SHARE = 0.98;

  /** A run whose pitch stays within this range is a synthetic note, not a voice. */
  static final double FLAT_SEMITONES = 0.15;

  /** Runs shorter than this (50 ms) are not judged flat. */
  static final int MIN_FLAT_FRAMES = 5;

  /** Frames added to each side of a voiced run: 150 ms. */
  static final int HANGOVER_FRAMES = 15;

  /** Frames quieter than this, in dBFS, are never speech. */
  static final double FLOOR_DB = -70;

  /** Frames more than this many dB under the clip's loud frames are never speech. */
  static final double RANGE_DB = 50;

  /** Harmonics whose levels the instrument test compares. */
  static final int HARMONICS = 6;

  /** Harmonics more than this many dB under a frame's strongest count as at that floor. */
  static final double TIMBRE_RANGE_DB = 30;

  /** Frames between the spectra {@link #timbreChange} compares: 50 ms. */
  static final int TIMBRE_LAG = 5;

  /** A run whose harmonics change less than this, in dB, has an instrument's fixed timbre. */
  static final double FIXED_TIMBRE_DB = 1.2;

  private static final int LEVEL_WINDOW = 400;

  /** The spectrum whose harmonics the timbre test reads: 32 ms, short enough for a vibrato. */
  private static final Stft SPECTRUM = new Stft(512, HOP, 512, true, 2.0);

  /** A short window for the tone test, so that a fast sweep stays within one peak. */
  private static final Stft SHORT_SPECTRUM = new Stft(256, HOP, 256, true, 2.0);

  private static final float[] LOW_PASS = lowPass(31, 3400.0 / SAMPLE_RATE);

  /**
   * The speech frames of {@code samples}, frame {@code t} centred on sample {@code t * HOP}.
   *
   * @throws IllegalArgumentException for audio at another rate than {@link #SAMPLE_RATE}
   */
  public SpeechActivity detect(float[] samples, int sampleRate) {
    if (sampleRate != SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "speech detection reads " + SAMPLE_RATE + " Hz audio, not " + sampleRate + " Hz");
    }
    int frames = samples.length / HOP + 1;
    double[] level = levels(samples, frames);
    boolean[] loud = loudFrames(level);
    double[] pitch = pitch(samples, frames, loud);
    boolean[] voiced = new boolean[frames];
    double[] scratch = new double[2 * SPECTRUM.nFft()];
    double[] power = new double[SPECTRUM.bins()];
    int start = 0;
    while (start < frames) {
      if (Double.isNaN(pitch[start])) {
        start++;
        continue;
      }
      int end = start + 1;
      while (end < frames
          && !Double.isNaN(pitch[end])
          && Math.abs(semitones(pitch[end], pitch[end - 1])) <= JUMP_SEMITONES) {
        end++;
      }
      if (end - start >= MIN_RUN_FRAMES
          && !isFlat(pitch, start, end)
          && !isTone(samples, start, end, scratch)
          && !isInstrument(samples, pitch, start, end, scratch, power)) {
        for (int t = start; t < end; t++) {
          voiced[t] = true;
        }
      }
      start = end;
    }
    boolean[] speech = new boolean[frames];
    for (int t = 0; t < frames; t++) {
      if (voiced[t]) {
        for (int u = Math.max(0, t - HANGOVER_FRAMES);
            u <= Math.min(frames - 1, t + HANGOVER_FRAMES);
            u++) {
          speech[u] = loud[u];
        }
      }
    }
    return new SpeechActivity(
        speech, (double) HOP / SAMPLE_RATE, (double) samples.length / SAMPLE_RATE);
  }

  /** Each frame's RMS level over 25 ms, dBFS. */
  private static double[] levels(float[] samples, int frames) {
    double[] level = new double[frames];
    for (int t = 0; t < frames; t++) {
      int from = Math.max(0, t * HOP - LEVEL_WINDOW / 2);
      int to = Math.min(samples.length, t * HOP + LEVEL_WINDOW / 2);
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += (double) samples[i] * samples[i];
      }
      level[t] = 10 * Math.log10(sum / LEVEL_WINDOW + 1e-12);
    }
    return level;
  }

  /** Frames above {@link #FLOOR_DB} and within {@link #RANGE_DB} of the clip's loud frames. */
  private static boolean[] loudFrames(double[] level) {
    double[] sorted = level.clone();
    Arrays.sort(sorted);
    double loud = sorted[(int) Math.floor(0.95 * (sorted.length - 1))];
    double gate = Math.max(FLOOR_DB, loud - RANGE_DB);
    boolean[] result = new boolean[level.length];
    for (int t = 0; t < level.length; t++) {
      result[t] = level[t] > gate;
    }
    return result;
  }

  /**
   * Each loud frame's fundamental frequency, NaN where unvoiced or quiet. YIN runs on every second
   * frame (20 ms apart, still several per syllable), which halves the detector's main cost; a frame
   * between two voiced ones of a continuous pitch gets their geometric mean, one at the edge of a
   * voiced stretch its voiced neighbour's pitch.
   */
  private static double[] pitch(float[] samples, int frames, boolean[] loud) {
    float[] decimated = decimate(samples);
    double[] difference = new double[Pitch.MAX_LAG + 2];
    double[] pitch = new double[frames];
    Arrays.fill(pitch, Double.NaN);
    for (int t = 0; t < frames; t += 2) {
      if (loud[t]) {
        pitch[t] = Pitch.estimate(decimated, t * HOP / 2 - Pitch.SPAN / 2, difference);
      }
    }
    for (int t = 1; t < frames; t += 2) {
      double before = pitch[t - 1];
      double after = t + 1 < frames ? pitch[t + 1] : Double.NaN;
      if (!loud[t]) {
        continue;
      }
      if (!Double.isNaN(before) && !Double.isNaN(after)) {
        if (Math.abs(semitones(after, before)) <= JUMP_SEMITONES) {
          pitch[t] = Math.sqrt(before * after);
        }
      } else if (!Double.isNaN(before) || !Double.isNaN(after)) {
        // The edge of a voiced stretch: it may end (or start) anywhere within the 20 ms.
        pitch[t] = Double.isNaN(before) ? after : before;
      }
    }
    return pitch;
  }

  /** Whether the run's pitch stays within {@link #FLAT_SEMITONES} of its median. */
  private static boolean isFlat(double[] pitch, int start, int end) {
    if (end - start < MIN_FLAT_FRAMES) {
      return false;
    }
    double[] run = Arrays.copyOfRange(pitch, start, end);
    Arrays.sort(run);
    double median = run[run.length / 2];
    int moved = 0;
    for (double hz : run) {
      if (Math.abs(semitones(hz, median)) > FLAT_SEMITONES) {
        moved++;
      }
    }
    return moved < Math.max(2, run.length / 10);
  }

  /**
   * Whether most frames of the run put nearly all their energy into one spectral peak. A tone above
   * the voice range still gives YIN a period (a multiple of its own), so the peak is looked for in
   * the whole spectrum, not at the estimated pitch.
   */
  private static boolean isTone(float[] samples, int start, int end, double[] scratch) {
    double[] power = new double[SHORT_SPECTRUM.bins()];
    double binHz = (double) SAMPLE_RATE / SHORT_SPECTRUM.nFft();
    int lowest = (int) Math.ceil(Pitch.MIN_HZ * 0.8 / binHz);
    int tonal = 0;
    for (int t = start; t < end; t++) {
      SHORT_SPECTRUM.framePower(samples, t, scratch, power);
      int peak = lowest;
      double total = 0;
      for (int k = lowest; k < power.length; k++) {
        total += power[k];
        if (power[k] > power[peak]) {
          peak = k;
        }
      }
      double inPeak = 0;
      for (int k = Math.max(lowest, peak - 2); k <= Math.min(power.length - 1, peak + 2); k++) {
        inPeak += power[k];
      }
      if (total > 0 && inPeak / total > TONE_SHARE) {
        tonal++;
      }
    }
    return 2 * tonal > end - start;
  }

  /**
   * Whether the run is an instrument's note or chord rather than a voice: most of its frames have
   * no energy at the period's own frequency (YIN found the common period of several notes, while a
   * voice's fundamental is always there), or its harmonics keep their relative strengths ({@link
   * #timbreChange} under {@link #FIXED_TIMBRE_DB}), as a note does with or without vibrato, where a
   * voice moves them with every change of the vocal tract's shape.
   */
  private static boolean isInstrument(
      float[] samples, double[] pitch, int start, int end, double[] scratch, double[] power) {
    int length = end - start;
    if (length <= TIMBRE_LAG) {
      return false;
    }
    double[][] levels = harmonicLevels(samples, pitch, start, end, scratch, power);
    int missingFundamental = 0;
    for (double[] frame : levels) {
      if (frame[0] <= Arrays.stream(frame).max().orElse(0) - TIMBRE_RANGE_DB) {
        missingFundamental++;
      }
    }
    return 2 * missingFundamental > length || timbreChange(levels) < FIXED_TIMBRE_DB;
  }

  /**
   * The levels in dB of each run frame's first {@link #HARMONICS} harmonics of its pitch, raised to
   * {@link #TIMBRE_RANGE_DB} under the frame's strongest: harmonics far under it are window
   * leakage, whose level means nothing.
   */
  private static double[][] harmonicLevels(
      float[] samples, double[] pitch, int start, int end, double[] scratch, double[] power) {
    double binHz = (double) SAMPLE_RATE / SPECTRUM.nFft();
    double[][] levels = new double[end - start][HARMONICS];
    for (int t = start; t < end; t++) {
      SPECTRUM.framePower(samples, t, scratch, power);
      double[] frame = levels[t - start];
      for (int h = 1; h <= HARMONICS; h++) {
        int bin = (int) Math.round(h * pitch[t] / binHz);
        double peak = 1e-20;
        for (int k = Math.max(0, bin - 1); k <= Math.min(power.length - 1, bin + 1); k++) {
          peak = Math.max(peak, power[k]);
        }
        frame[h - 1] = 10 * Math.log10(peak);
      }
      double floor = Arrays.stream(frame).max().orElse(0) - TIMBRE_RANGE_DB;
      for (int h = 0; h < HARMONICS; h++) {
        frame[h] = Math.max(frame[h], floor);
      }
    }
    return levels;
  }

  /**
   * How much the harmonics' relative strengths move: the median, over frames, of the mean absolute
   * change in dB of the harmonics' levels over {@link #TIMBRE_LAG} frames, after removing the
   * change of the overall level.
   */
  static double timbreChange(double[][] levels) {
    double[] changes = new double[levels.length - TIMBRE_LAG];
    for (int i = 0; i + TIMBRE_LAG < levels.length; i++) {
      double[] a = levels[i];
      double[] b = levels[i + TIMBRE_LAG];
      double shift = 0;
      for (int h = 0; h < HARMONICS; h++) {
        shift += b[h] - a[h];
      }
      shift /= HARMONICS;
      double change = 0;
      for (int h = 0; h < HARMONICS; h++) {
        change += Math.abs(b[h] - a[h] - shift);
      }
      changes[i] = change / HARMONICS;
    }
    Arrays.sort(changes);
    return changes[changes.length / 2];
  }

  private static double semitones(double hz, double reference) {
    return 12 * Math.log(hz / reference) / Math.log(2);
  }

  /** Low-passed under 3.4 kHz and every second sample kept: 8 kHz. */
  private static float[] decimate(float[] samples) {
    float[] out = new float[(samples.length + 1) / 2];
    int half = LOW_PASS.length / 2;
    for (int n = 0; n < out.length; n++) {
      int first = 2 * n - half;
      double sum = 0;
      if (first >= 0 && first + LOW_PASS.length <= samples.length) {
        for (int k = 0; k < LOW_PASS.length; k++) {
          sum += LOW_PASS[k] * samples[first + k];
        }
      } else {
        for (int k = 0; k < LOW_PASS.length; k++) {
          int i = first + k;
          if (i >= 0 && i < samples.length) {
            sum += LOW_PASS[k] * samples[i];
          }
        }
      }
      out[n] = (float) sum;
    }
    return out;
  }

  /** A Hamming-windowed sinc low-pass of {@code taps} taps, cut-off as a fraction of the rate. */
  private static float[] lowPass(int taps, double cutoff) {
    float[] h = new float[taps];
    int half = taps / 2;
    double sum = 0;
    double[] w = new double[taps];
    for (int k = 0; k < taps; k++) {
      int m = k - half;
      double sinc = m == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
      w[k] = sinc * (0.54 - 0.46 * Math.cos(2 * Math.PI * k / (taps - 1)));
      sum += w[k];
    }
    for (int k = 0; k < taps; k++) {
      h[k] = (float) (w[k] / sum);
    }
    return h;
  }
}
