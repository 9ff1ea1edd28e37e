package dev.ser.audio.decode;

import dev.ser.audio.SilentAudioException;

/**
 * Audio decoded to the analysis format: mono float samples at {@link #sampleRate()} (channels
 * averaged), with what the source was.
 *
 * @param samples mono samples, in [-1, 1] for integer sources; float sources are passed on
 *     unscaled, as librosa reads them, and resampling may overshoot a full-scale edge slightly
 * @param sampleRate rate of {@code samples}, Hz
 * @param format the container name FFmpeg (or the WAV reader) reported, e.g. {@code "wav"}, {@code
 *     "mp3"}, {@code "ogg"}, {@code "matroska,webm"}, {@code "mov,mp4,m4a,3gp,3g2,mj2"}
 * @param sourceSampleRate the source's sample rate, Hz
 * @param sourceChannels the source's channel count
 * @param sourceDurationSeconds the source's duration as decoded (before any limit cut it short)
 */
public record DecodedAudio(
    float[] samples,
    int sampleRate,
    String format,
    int sourceSampleRate,
    int sourceChannels,
    double sourceDurationSeconds) {

  /**
   * Peak level at or below which a recording counts as silent: -60 dBFS, about 33 steps of 16-bit
   * PCM. A microphone's noise floor and dither stay under it; any speech goes far above.
   */
  public static final double SILENCE_PEAK = 1e-3;

  public DecodedAudio {
    if (samples == null || sampleRate <= 0 || sourceSampleRate <= 0 || sourceChannels <= 0) {
      throw new IllegalArgumentException("need samples and positive rates and channel count");
    }
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("format must be named");
    }
  }

  public double durationSeconds() {
    return (double) samples.length / sampleRate;
  }

  /** Largest absolute sample value. */
  public double peak() {
    float peak = 0;
    for (float sample : samples) {
      peak = Math.max(peak, Math.abs(sample));
    }
    return peak;
  }

  /** Whether no sample rises above {@link #SILENCE_PEAK}. */
  public boolean isSilent() {
    return peak() <= SILENCE_PEAK;
  }

  /**
   * This audio, if it holds any sound.
   *
   * @throws SilentAudioException if {@link #isSilent()}
   */
  public DecodedAudio requireSound() {
    if (isSilent()) {
      throw new SilentAudioException();
    }
    return this;
  }
}
