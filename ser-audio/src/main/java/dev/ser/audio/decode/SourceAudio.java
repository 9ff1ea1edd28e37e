package dev.ser.audio.decode;

import dev.ser.audio.UnsupportedAudioException;

/**
 * A source decoded to mono at its own sample rate, before resampling to the analysis rate.
 *
 * @param mono channel-averaged samples, {@code [frames]}
 * @param sampleRate the source's rate, Hz, within [{@value #MIN_SAMPLE_RATE}, {@value
 *     #MAX_SAMPLE_RATE}]
 * @param channels the source's channel count
 * @param format container name, as {@link DecodedAudio#format()}
 */
record SourceAudio(float[] mono, int sampleRate, int channels, String format) {
  /** Below any real recording (telephone audio is 8 kHz). */
  static final int MIN_SAMPLE_RATE = 1_000;

  /**
   * Studio audio goes to 384 kHz; a header claiming more is damaged, and would stall resampling.
   */
  static final int MAX_SAMPLE_RATE = 384_000;

  SourceAudio {
    requireSupportedRate(sampleRate);
  }

  double durationSeconds() {
    return (double) mono.length / sampleRate;
  }

  /**
   * @throws UnsupportedAudioException if {@code sampleRate} is outside [{@value #MIN_SAMPLE_RATE},
   *     {@value #MAX_SAMPLE_RATE}] Hz
   */
  static void requireSupportedRate(int sampleRate) {
    if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
      throw new UnsupportedAudioException(
          "The audio says its sample rate is "
              + sampleRate
              + " Hz, outside 1 kHz to 384 kHz; the file is probably damaged");
    }
  }
}
