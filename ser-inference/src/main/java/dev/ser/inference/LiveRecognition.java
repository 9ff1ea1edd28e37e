package dev.ser.inference;

import dev.ser.audio.speech.SpeechActivity;
import dev.ser.domain.emotion.EmotionScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A stream read as it arrives: after every second of audio the window of the last 3 s (less at the
 * start) is scored on its own, the way a clip of that length would be, and reported as a {@link
 * LiveUpdate}. Only those 3 s and a little context are kept, so a stream of any length holds the
 * same memory. The window counts as speech when it holds at least the recognizer's minimum of
 * speech and some of it lies in its newest second, so a pause reads as "nobody speaks" within about
 * a second.
 *
 * <p>The summary of the whole stream is not made here: feed the same samples to a {@link
 * StreamRecognition}, which reads them exactly as an upload of the same audio. One instance serves
 * one stream on one thread; {@link EmotionRecognizer#startLive()} makes one.
 */
public final class LiveRecognition {
  /** Frames between updates: one per second of audio. */
  public static final int UPDATE_FRAMES = ModelFrames.HOP_FRAMES;

  /** Speech the newest second of a window must hold for the window to count as speech. */
  static final double RECENT_SPEECH_SECONDS = 0.1;

  /** Frames of context kept before a window, as in {@link StreamRecognition}. */
  private static final int LEFT_CONTEXT_FRAMES = 3;

  private final EmotionRecognizer recognizer;
  private final int hop;
  private final int updateSamples;
  private final float[] recent;
  private int size;
  private long received;

  LiveRecognition(EmotionRecognizer recognizer) {
    this.recognizer = recognizer;
    this.hop = recognizer.spec().hopLength();
    this.updateSamples = UPDATE_FRAMES * hop;
    this.recent = new float[(ModelFrames.WINDOW_FRAMES + LEFT_CONTEXT_FRAMES) * hop];
  }

  /**
   * Feeds the next {@code length} samples (at the model's rate) and scores every window that ends
   * within them, in order: none for most short chunks, one per second of audio.
   */
  public List<LiveUpdate> accept(float[] samples, int length) {
    List<LiveUpdate> updates = new ArrayList<>(1);
    int offset = 0;
    while (offset < length) {
      long toBoundary = updateSamples - received % updateSamples;
      int take = (int) Math.min(toBoundary, length - offset);
      append(samples, offset, take);
      offset += take;
      received += take;
      if (received % updateSamples == 0) {
        updates.add(update());
      }
    }
    return updates;
  }

  /** Seconds of audio fed so far. */
  public double seconds() {
    return (double) received / recognizer.spec().sampleRate();
  }

  /** Samples held: at most a window and its context, however long the stream. */
  public int heldSamples() {
    return size;
  }

  private void append(float[] samples, int offset, int length) {
    int overflow = size + length - recent.length;
    if (overflow > 0) {
      int drop = Math.min(overflow, size);
      System.arraycopy(recent, drop, recent, 0, size - drop);
      size -= drop;
    }
    int skip = Math.max(0, length - recent.length);
    System.arraycopy(samples, offset + skip, recent, size, length - skip);
    size += length - skip;
  }

  /** Scores the window ending now. */
  private LiveUpdate update() {
    float[] segment = Arrays.copyOf(recent, size);
    int context = Math.max(0, size - ModelFrames.WINDOW_FRAMES * hop) / hop;
    double seconds = seconds();
    if (!holdsSpeech(segment, context)) {
      return new LiveUpdate(seconds, Optional.empty());
    }
    InputWindow window = ModelFrames.of(recognizer.extractor().extract(segment)).window(context);
    float[] probabilities = recognizer.model().probabilities(List.of(window))[0];
    EmotionScores scores = EmotionRecognizer.scores(probabilities);
    return new LiveUpdate(seconds, Optional.of(scores));
  }

  private boolean holdsSpeech(float[] segment, int contextFrames) {
    SpeechActivity activity = recognizer.detector().detect(segment, recognizer.spec().sampleRate());
    boolean[] speech = activity.speech();
    int recentFrom = Math.max(contextFrames, speech.length - 1 - UPDATE_FRAMES);
    int inWindow = 0;
    int inRecent = 0;
    for (int t = contextFrames; t < speech.length; t++) {
      if (speech[t]) {
        inWindow++;
        if (t >= recentFrom) {
          inRecent++;
        }
      }
    }
    double frameSeconds = recognizer.spec().frameSeconds();
    return inWindow * frameSeconds >= Math.max(recognizer.minSpeechSeconds(), frameSeconds)
        && inRecent * frameSeconds >= RECENT_SPEECH_SECONDS;
  }
}
