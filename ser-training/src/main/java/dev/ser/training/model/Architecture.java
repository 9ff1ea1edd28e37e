package dev.ser.training.model;

import java.util.Arrays;

/**
 * The shape of the CNN+GRU.
 *
 * @param windowFrames frames per window (time steps of the CNN input)
 * @param melBins log-mel rows ({@code n_mels})
 * @param frameWidth frame features per frame (MFCC, ZCR, log RMS)
 * @param convChannels output channels of each conv block (3x3 conv, batch norm, ReLU, max-pool)
 * @param timePools each block's max-pool factor along time; their product divides {@code
 *     windowFrames}
 * @param melPools each block's max-pool factor along mel; their product divides {@code melBins}
 * @param gruUnits GRU state size
 * @param dropout dropout rate before the softmax layer
 * @param weightDecay L2 penalty on kernels
 * @param centredLogMel subtract each window's own mean log-mel spectrum (cepstral mean
 *     normalisation) before the CNN, so it sees spectral shapes free of the speaker's and the
 *     microphone's average colouring
 * @param centredMfcc subtract each window's own mean MFCC vector from the frame features in the
 *     same way, so the GRU's view of timbre is free of the speaker's average too; ZCR and log RMS
 *     stay absolute, so loudness still reaches the GRU
 * @param centredLoudness subtract each window's mean log RMS too, so the GRU hears how loudness
 *     moves within the window but not the recording level, which a browser microphone's gain or a
 *     corpus's level normalisation sets, not the speaker's emotion
 * @param attentionPooling pool the GRU's states with learned attention weights instead of a plain
 *     mean over the audio steps
 * @param statsPooling statistics pooling (as in x-vectors, Snyder et al. 2018): the embedding is
 *     the states' masked mean over the audio steps and their masked standard deviation,
 *     concatenated, so how much the voice moves within the window reaches the softmax, not only
 *     where it sits on average; with attention pooling both are weighted by the attention
 */
public record Architecture(
    int windowFrames,
    int melBins,
    int frameWidth,
    int[] convChannels,
    int[] timePools,
    int[] melPools,
    int gruUnits,
    float dropout,
    float weightDecay,
    boolean centredLogMel,
    boolean centredMfcc,
    boolean centredLoudness,
    boolean attentionPooling,
    boolean statsPooling) {

  public Architecture {
    if (convChannels.length == 0
        || convChannels.length != timePools.length
        || convChannels.length != melPools.length) {
      throw new IllegalArgumentException("one channel count and two pool factors per block");
    }
    if (windowFrames % product(timePools) != 0 || melBins % product(melPools) != 0) {
      throw new IllegalArgumentException("pool factors must divide the window and mel bins");
    }
    if (gruUnits <= 0 || dropout < 0 || dropout >= 1 || weightDecay < 0) {
      throw new IllegalArgumentException("need gruUnits > 0, 0 <= dropout < 1, weightDecay >= 0");
    }
    convChannels = convChannels.clone();
    timePools = timePools.clone();
    melPools = melPools.clone();
  }

  /**
   * The architecture of the bundled model: three conv blocks pooling time by 4 and mel by 16 (by 4
   * in the first block, which halves the cost of the others on 2 cores), a 64-unit GRU.
   */
  public static Architecture standard(int windowFrames, int melBins, int frameWidth) {
    return new Architecture(
        windowFrames,
        melBins,
        frameWidth,
        new int[] {16, 32, 32},
        new int[] {2, 2, 1},
        new int[] {4, 2, 2},
        64,
        0.3f,
        1e-4f,
        true,
        true,
        false,
        false,
        false);
  }

  /**
   * The same network with the three choices that are not part of the bundled recipe: {@link
   * #centredLoudness}, {@link #attentionPooling} and {@link #statsPooling}.
   */
  public Architecture with(
      boolean centredLoudness, boolean attentionPooling, boolean statsPooling) {
    return new Architecture(
        windowFrames,
        melBins,
        frameWidth,
        convChannels,
        timePools,
        melPools,
        gruUnits,
        dropout,
        weightDecay,
        centredLogMel,
        centredMfcc,
        centredLoudness,
        attentionPooling,
        statsPooling);
  }

  /**
   * Width of the utterance embedding that dropout and the softmax read: the GRU's state size, twice
   * that with statistics pooling (mean and standard deviation).
   */
  public int embeddingWidth() {
    return statsPooling ? 2 * gruUnits : gruUnits;
  }

  /** GRU time steps: the window after the CNN's time pooling. */
  public int steps() {
    return windowFrames / product(timePools);
  }

  public int timePooling() {
    return product(timePools);
  }

  /** Width of the CNN output per step: remaining mel bins times the last block's channels. */
  public int cnnWidth() {
    return melBins / product(melPools) * convChannels[convChannels.length - 1];
  }

  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append("log-mel [")
        .append(windowFrames)
        .append(" frames x ")
        .append(melBins)
        .append("] normalised")
        .append(centredLogMel ? ", minus the window's mean spectrum" : "")
        .append(" -> ");
    for (int i = 0; i < convChannels.length; i++) {
      text.append("conv3x3(")
          .append(convChannels[i])
          .append(")+batchnorm+ReLU+maxpool(")
          .append(timePools[i])
          .append("x")
          .append(melPools[i])
          .append(") -> ");
    }
    text.append("per-step ")
        .append(cnnWidth())
        .append(" values, concatenated with the frame features (MFCC, ZCR, log RMS; ")
        .append(frameWidth)
        .append(" values")
        .append(centredMfcc ? ", the MFCC minus the window's mean" : "")
        .append(centredLoudness ? ", the log RMS minus the window's mean" : "")
        .append(", averaged over each ")
        .append(timePooling())
        .append(" frames) -> GRU(")
        .append(gruUnits)
        .append(") over ")
        .append(steps())
        .append(" steps -> ")
        .append(attentionPooling ? "masked attention pooling over time" : "masked mean over time")
        .append(statsPooling ? " concatenated with the masked standard deviation over time" : "")
        .append(" -> dropout(")
        .append(dropout)
        .append(") -> dense softmax(6); L2 ")
        .append(weightDecay);
    return text.toString();
  }

  private static int product(int[] values) {
    return Arrays.stream(values).reduce(1, (a, b) -> a * b);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Architecture that && describe().equals(that.describe());
  }

  @Override
  public int hashCode() {
    return describe().hashCode();
  }
}
