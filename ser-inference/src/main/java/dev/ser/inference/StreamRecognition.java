package dev.ser.inference;

import dev.ser.audio.AudioTooShortException;
import dev.ser.audio.NoSpeechException;
import dev.ser.audio.SilentAudioException;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.speech.SpeechActivity;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One recording analysed as its audio arrives, so memory does not grow with its length: samples are
 * kept only until the block of {@link #BLOCK_FRAMES} frames (60 s) they belong to, and the 3 s
 * after it that its last window reads, are analysed; then the block's speech flags and window
 * scores are all that stays. A recording of up to 63 s is one block, analysed exactly as a whole
 * clip; in a longer one each block's log-mel floor ({@code top_db}) and speech detector levels
 * follow that block's own loudest minute instead of the whole recording's.
 *
 * <p>Windows start at the same frames as in a whole clip (every {@link ModelFrames#HOP_FRAMES},
 * plus one ending at the last frame), and every window's features are computed with the samples
 * around it, so block edges add no edge effects. One instance serves one stream on one thread;
 * {@link EmotionRecognizer#start()} makes one.
 */
public final class StreamRecognition {
  /** 60 s of 10 ms frames per block. */
  static final int BLOCK_FRAMES = 6_000;

  /** Seconds of audio room at first, so a short clip does not take a whole block's memory. */
  private static final int INITIAL_SECONDS = 8;

  /** Samples of context kept before a block: three frame hops, more than half any frame length. */
  private static final int LEFT_CONTEXT_FRAMES = 3;

  private final EmotionRecognizer recognizer;
  private final int hop;

  /** Buffered samples at which a block is analysed: the block, its lookahead and context. */
  private final int capacity;

  /** Samples from {@link #bufferStart} on; grows up to {@link #capacity} as audio arrives. */
  private float[] buffer;

  private int buffered;
  private long bufferStart;
  private long received;
  private float peak;

  /** The first frame of the block not analysed yet. */
  private long blockStart;

  private final List<boolean[]> speech = new ArrayList<>();
  private final List<TimelineSegment> timeline = new ArrayList<>();

  StreamRecognition(EmotionRecognizer recognizer) {
    this.recognizer = recognizer;
    this.hop = recognizer.spec().hopLength();
    this.capacity = (BLOCK_FRAMES + ModelFrames.WINDOW_FRAMES + 8) * hop;
    this.buffer = new float[Math.min(capacity, INITIAL_SECONDS * recognizer.spec().sampleRate())];
  }

  /** Feeds the next {@code length} samples of {@code samples} (at the model's rate). */
  public void accept(float[] samples, int length) {
    int offset = 0;
    while (offset < length) {
      if (buffered == buffer.length && buffer.length < capacity) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(capacity, 2L * buffer.length));
      }
      int room = buffer.length - buffered;
      int take = Math.min(room, length - offset);
      System.arraycopy(samples, offset, buffer, buffered, take);
      for (int i = offset; i < offset + take; i++) {
        peak = Math.max(peak, Math.abs(samples[i]));
      }
      buffered += take;
      received += take;
      offset += take;
      if (buffered == capacity) {
        analyseBlock(false);
      }
    }
  }

  /**
   * Seconds of audio held now: never more than a block, the 3 s its last window reads and a little
   * context, however long the recording.
   */
  public double heldSeconds() {
    return (double) buffered / recognizer.spec().sampleRate();
  }

  /** The most seconds of audio {@link #heldSeconds()} can reach. */
  public double maxHeldSeconds() {
    return (double) capacity / recognizer.spec().sampleRate();
  }

  /** Seconds of audio fed so far. */
  public double seconds() {
    return (double) received / recognizer.spec().sampleRate();
  }

  /**
   * Analyses what is left and sums the recording up.
   *
   * @throws SilentAudioException if no sample rose above {@link DecodedAudio#SILENCE_PEAK}
   * @throws AudioTooShortException below {@link ModelFrames#MIN_FRAMES} frames
   * @throws NoSpeechException with less speech than the recognizer's minimum
   */
  public Prediction finish() {
    double duration = seconds();
    if (peak <= DecodedAudio.SILENCE_PEAK) {
      throw new SilentAudioException();
    }
    double minimum = ModelFrames.MIN_FRAMES * recognizer.spec().frameSeconds();
    if (duration < minimum) {
      throw new AudioTooShortException(duration, minimum);
    }
    analyseBlock(true);
    int frames = 0;
    for (boolean[] flags : speech) {
      frames += flags.length;
    }
    boolean[] all = new boolean[frames];
    int at = 0;
    for (boolean[] flags : speech) {
      System.arraycopy(flags, 0, all, at, flags.length);
      at += flags.length;
    }
    SpeechActivity activity = new SpeechActivity(all, recognizer.spec().frameSeconds(), duration);
    if (activity.speechSeconds() < recognizer.minSpeechSeconds()) {
      throw new NoSpeechException(activity.speechSeconds(), recognizer.minSpeechSeconds());
    }
    return recognizer.prediction(activity, timeline, duration);
  }

  /**
   * Analyses the block from {@link #blockStart}: all that is buffered when {@code last}, else
   * {@link #BLOCK_FRAMES} frames, reading the buffered samples after it for its last windows.
   */
  private void analyseBlock(boolean last) {
    long blockSample = blockStart * hop;
    int from = (int) (blockSample - bufferStart);
    int to = last ? buffered : from + BLOCK_FRAMES * hop;
    speech.add(speechFlags(from, to, last));

    ModelFrames frames = frames(from);
    long totalFrames = received / hop + 1;
    long lastStart = Math.max(0, totalFrames - ModelFrames.WINDOW_FRAMES);
    List<Integer> starts = new ArrayList<>();
    long end = last ? lastStart : blockStart + BLOCK_FRAMES;
    for (long start = blockStart; start < end; start += ModelFrames.HOP_FRAMES) {
      starts.add((int) (start - blockStart));
    }
    if (last) {
      starts.add((int) (lastStart - blockStart));
    }
    List<InputWindow> windows = starts.stream().map(frames::window).toList();
    double frameSeconds = recognizer.spec().frameSeconds();
    double duration = seconds();
    float[][] probabilities = recognizer.model().probabilities(windows);
    for (int w = 0; w < windows.size(); w++) {
      InputWindow window = windows.get(w);
      double start = (blockStart + window.startFrame()) * frameSeconds;
      double stop =
          Math.min(
              duration, (blockStart + window.startFrame() + window.validFrames()) * frameSeconds);
      timeline.add(
          new TimelineSegment(
              start,
              Math.max(stop, start + frameSeconds),
              EmotionRecognizer.scores(probabilities[w])));
    }
    if (!last) {
      blockStart += BLOCK_FRAMES;
      int keepFrom = (int) (blockStart * hop - LEFT_CONTEXT_FRAMES * hop - bufferStart);
      System.arraycopy(buffer, keepFrom, buffer, 0, buffered - keepFrom);
      buffered -= keepFrom;
      bufferStart += keepFrom;
    }
  }

  /** The speech flags of buffered samples {@code from..to}, one per frame of the block. */
  private boolean[] speechFlags(int from, int to, boolean last) {
    boolean[] flags =
        recognizer
            .detector()
            .detect(Arrays.copyOfRange(buffer, from, to), recognizer.spec().sampleRate())
            .speech();
    return last ? flags : Arrays.copyOf(flags, BLOCK_FRAMES);
  }

  /**
   * The model's frames from the block's first frame to the end of the buffer, computed with the
   * context before it (none for the first block) and dropped again.
   */
  private ModelFrames frames(int from) {
    int context = (int) Math.min(from, (long) LEFT_CONTEXT_FRAMES * hop);
    ModelFrames all =
        ModelFrames.of(
            recognizer.extractor().extract(Arrays.copyOfRange(buffer, from - context, buffered)));
    int drop = context / hop;
    return new ModelFrames(
        Arrays.copyOfRange(all.logMel(), drop, all.frames()),
        Arrays.copyOfRange(all.frameFeatures(), drop, all.frames()));
  }
}
