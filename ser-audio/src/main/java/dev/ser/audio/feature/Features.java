package dev.ser.audio.feature;

/**
 * The frame features of one clip, shaped like librosa's: {@code [rows][frames]} for the spectral
 * features, {@code [frames]} for ZCR and RMS. All share the same frame grid ({@code hop_length}).
 *
 * @param spec the parameters that produced them
 * @param melPower {@code melspectrogram}, {@code [n_mels][frames]}, power
 * @param logMel {@code power_to_db(melPower)}, {@code [n_mels][frames]}, dB
 * @param mfcc {@code mfcc(S=logMel)}, {@code [n_mfcc][frames]}
 * @param zcr {@code zero_crossing_rate}, {@code [frames]}, fraction of sign changes
 * @param rms {@code rms}, {@code [frames]}, linear amplitude
 */
public record Features(
    FeatureSpec spec,
    float[][] melPower,
    float[][] logMel,
    float[][] mfcc,
    float[] zcr,
    float[] rms) {

  public int frames() {
    return zcr.length;
  }
}
