package dev.ser.audio.feature;

import dev.ser.audio.AudioTooShortException;
import dev.ser.audio.CorruptAudioException;
import dev.ser.audio.spectrum.MelFilterbank;
import dev.ser.audio.spectrum.PowerToDb;
import dev.ser.audio.spectrum.Stft;
import java.util.Arrays;

/**
 * All five features of a clip, as librosa 0.10.2 computes them for a {@link FeatureSpec}:
 *
 * <ul>
 *   <li>{@code mel_power = librosa.feature.melspectrogram(y, sr, n_fft, win_length, hop_length,
 *       window="hann", center, pad_mode="constant", n_mels, fmin, fmax, htk, norm, power)}, {@code
 *       [n_mels][frames]};
 *   <li>{@code log_mel = librosa.power_to_db(mel_power, ref=1.0, amin, top_db)}, dB;
 *   <li>{@code mfcc = librosa.feature.mfcc(S=log_mel, n_mfcc, dct_type=2, norm="ortho")}, {@code
 *       [n_mfcc][frames]};
 *   <li>{@code zcr = librosa.feature.zero_crossing_rate(y, zcr_frame_length, hop_length, center)},
 *       {@code [frames]};
 *   <li>{@code rms = librosa.feature.rms(y=y, rms_frame_length, hop_length, center,
 *       pad_mode="constant")}, {@code [frames]}.
 * </ul>
 *
 * <p>The window, filterbank and DCT matrix are built once here; {@link #extract} allocates its
 * outputs and scratch arrays of its own (never per frame, never shared), so one instance serves
 * every thread. Frames go through the FFT two at a time ({@link Stft#framePairPower}). When the
 * frame grids differ in length (only possible without {@code center}, or with odd frame lengths)
 * every feature is cut to the shortest.
 */
public final class FeatureExtractor {
  private final FeatureSpec spec;
  private final Stft stft;
  private final MelFilterbank melFilterbank;
  private final PowerToDb powerToDb;
  private final Mfcc mfcc;
  private final ZeroCrossingRate zeroCrossingRate;
  private final Rms rms;

  public FeatureExtractor(FeatureSpec spec) {
    this.spec = spec;
    this.stft =
        new Stft(spec.nFft(), spec.hopLength(), spec.winLength(), spec.center(), spec.power());
    this.melFilterbank =
        new MelFilterbank(
            spec.sampleRate(),
            spec.nFft(),
            spec.nMels(),
            spec.fmin(),
            spec.fmax(),
            spec.htk(),
            spec.slaneyNorm());
    this.powerToDb = new PowerToDb(1.0, spec.amin(), spec.topDb());
    this.mfcc = new Mfcc(spec.nMels(), spec.nMfcc());
    this.zeroCrossingRate =
        new ZeroCrossingRate(spec.zcrFrameLength(), spec.hopLength(), spec.center());
    this.rms = new Rms(spec.rmsFrameLength(), spec.hopLength(), spec.center());
  }

  public FeatureSpec spec() {
    return spec;
  }

  /**
   * The features of {@code y}, mono samples at {@code spec().sampleRate()}.
   *
   * @throws AudioTooShortException when {@code y} does not fill one frame
   * @throws CorruptAudioException when {@code y} holds NaN or infinity
   */
  public Features extract(float[] y) {
    int frames = frames(y);
    float[][] melPower = new float[spec.nMels()][frames];
    double[] scratch = new double[2 * spec.nFft()];
    double[] first = new double[stft.bins()];
    double[] second = new double[stft.bins()];
    int t = 0;
    for (; t + 1 < frames; t += 2) {
      stft.framePairPower(y, t, scratch, first, second);
      melFilterbank.applyToFramePair(first, second, melPower, t);
    }
    if (t < frames) {
      stft.framePower(y, t, scratch, first);
      melFilterbank.applyToFrame(first, melPower, t);
    }
    float[][] logMel = new float[spec.nMels()][frames];
    powerToDb.applyInto(melPower, logMel);
    float[][] cepstrum = new float[spec.nMfcc()][frames];
    mfcc.applyInto(logMel, cepstrum);
    float[] zcr = zeroCrossingRate.apply(y);
    float[] energy = rms.apply(y);
    return new Features(
        spec,
        melPower,
        logMel,
        cepstrum,
        zcr.length == frames ? zcr : Arrays.copyOf(zcr, frames),
        energy.length == frames ? energy : Arrays.copyOf(energy, frames));
  }

  private int frames(float[] y) {
    int minimum =
        spec.center()
            ? 1
            : Math.max(spec.nFft(), Math.max(spec.zcrFrameLength(), spec.rmsFrameLength()));
    if (y.length < minimum) {
      throw new AudioTooShortException(
          (double) y.length / spec.sampleRate(), (double) minimum / spec.sampleRate());
    }
    float peak = 0;
    for (float sample : y) {
      peak = Math.max(peak, Math.abs(sample));
    }
    if (!(peak <= Float.MAX_VALUE)) {
      throw new CorruptAudioException(
          "The audio holds sample values that are not numbers (NaN or infinity).");
    }
    return Math.min(
        stft.frames(y.length), Math.min(zeroCrossingRate.frames(y.length), rms.frames(y.length)));
  }
}
