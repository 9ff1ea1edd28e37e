package dev.ser.audio.decode;

/** Whether a multi-channel source is analysed as one voice or each channel on its own. */
public enum ChannelMode {
  /** Channels averaged as {@code librosa.to_mono} does: one stream, channel 0. */
  MIXED,
  /**
   * One stream per source channel (e.g. agent left, customer right), each resampled on its own; at
   * most {@link AudioDecoder#MAX_SEPARATE_CHANNELS}.
   */
  SEPARATE
}
