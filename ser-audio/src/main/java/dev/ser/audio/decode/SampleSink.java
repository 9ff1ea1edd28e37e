package dev.ser.audio.decode;

/**
 * Receives decoded audio at {@link AudioDecoder#SAMPLE_RATE} a chunk at a time, in order, so a
 * recording of any length can be analysed without holding it whole.
 */
@FunctionalInterface
public interface SampleSink {
  /**
   * @param channel 0 for mixed audio; the source channel with {@link ChannelMode#SEPARATE}
   * @param samples the chunk; valid only during the call (the decoder reuses it)
   * @param length how many of {@code samples} are new audio
   */
  void accept(int channel, float[] samples, int length);
}
