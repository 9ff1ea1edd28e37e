package dev.ser.audio.feature;

/**
 * Every parameter of the feature extractor, named after librosa's. The model stores the spec it was
 * trained with and inference refuses a model whose spec differs: one source of truth.
 *
 * @param sampleRate {@code sr}, Hz
 * @param nFft {@code n_fft}
 * @param winLength {@code win_length}; the Hann window is zero-padded to {@code n_fft} when shorter
 * @param hopLength {@code hop_length}
 * @param center {@code center}: frames are centred, the signal padded by {@code n_fft / 2}
 * @param nMels {@code n_mels}
 * @param fmin {@code fmin}, Hz
 * @param fmax {@code fmax}, Hz
 * @param htk {@code htk}: HTK mel scale instead of Slaney's
 * @param slaneyNorm {@code norm="slaney"}: each mel filter scaled to unit area
 * @param power {@code power}: 2 for a power spectrogram, 1 for magnitude
 * @param amin {@code power_to_db(amin=...)}
 * @param topDb {@code power_to_db(top_db=...)}; {@code <= 0} for none
 * @param nMfcc {@code n_mfcc}
 * @param zcrFrameLength {@code zero_crossing_rate(frame_length=...)}
 * @param rmsFrameLength {@code rms(frame_length=...)}
 */
public record FeatureSpec(
    int sampleRate,
    int nFft,
    int winLength,
    int hopLength,
    boolean center,
    int nMels,
    double fmin,
    double fmax,
    boolean htk,
    boolean slaneyNorm,
    double power,
    double amin,
    double topDb,
    int nMfcc,
    int zcrFrameLength,
    int rmsFrameLength) {

  public FeatureSpec {
    require(sampleRate > 0, "sampleRate must be positive");
    require(nFft > 0, "nFft must be positive");
    require(winLength > 0 && winLength <= nFft, "winLength must be in (0, nFft]");
    require(hopLength > 0, "hopLength must be positive");
    require(nMels > 0, "nMels must be positive");
    require(fmin >= 0 && fmax > fmin && fmax <= sampleRate / 2.0, "need 0 <= fmin < fmax <= sr/2");
    require(power > 0, "power must be positive");
    require(amin > 0, "amin must be positive");
    require(nMfcc > 0 && nMfcc <= nMels, "nMfcc must be in (0, nMels]");
    require(zcrFrameLength > 0 && rmsFrameLength > 0, "frame lengths must be positive");
  }

  /** The spec the emotion model is built on: 16 kHz, 25 ms Hann window, 10 ms hop, 64 mels. */
  public static FeatureSpec modelDefault() {
    return new FeatureSpec(
        16_000, 512, 400, 160, true, 64, 0, 8_000, false, true, 2.0, 1e-10, 80.0, 40, 400, 512);
  }

  /** librosa's own defaults at {@code sr}: n_fft 2048, hop 512, 128 mels, 20 MFCC. */
  public static FeatureSpec librosaDefaults(int sampleRate) {
    return new FeatureSpec(
        sampleRate,
        2048,
        2048,
        512,
        true,
        128,
        0,
        sampleRate / 2.0,
        false,
        true,
        2.0,
        1e-10,
        80.0,
        20,
        2048,
        2048);
  }

  /** Seconds per frame. */
  public double frameSeconds() {
    return (double) hopLength / sampleRate;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
