package dev.ser.audio.decode;

/**
 * A source decoded to mono at its own sample rate, before resampling to the analysis rate.
 *
 * @param mono channel-averaged samples, {@code [frames]}
 * @param sampleRate the source's rate, Hz
 * @param channels the source's channel count
 * @param format container name, as {@link DecodedAudio#format()}
 */
record SourceAudio(float[] mono, int sampleRate, int channels, String format) {

  double durationSeconds() {
    return (double) mono.length / sampleRate;
  }
}
