package dev.ser.audio.decode;

/**
 * Audio decoded to the analysis format: mono float samples in [-1, 1] at {@link #sampleRate()}
 * (channels averaged), with what the source was.
 *
 * @param samples mono samples in [-1, 1]
 * @param sampleRate rate of {@code samples}, Hz
 * @param format the container/codec name FFmpeg (or the WAV reader) reported, e.g. {@code "wav"}
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

  public double durationSeconds() {
    return (double) samples.length / sampleRate;
  }
}
