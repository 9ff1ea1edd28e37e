package dev.ser.inference;

import dev.ser.audio.AudioException;
import dev.ser.audio.NoSpeechException;
import dev.ser.audio.SilentAudioException;
import dev.ser.audio.decode.AudioSource;
import dev.ser.audio.decode.ChannelMode;
import dev.ser.audio.decode.SampleSink;
import dev.ser.domain.emotion.ChannelPrediction;
import dev.ser.domain.emotion.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole recording analysed as the decoder streams it: one {@link StreamRecognition} per stream it
 * sends, mixed or one per channel. Give it to {@link dev.ser.audio.decode.AudioDecoder#stream} as
 * the sink, then call {@link #finish}. One recording on one thread.
 */
public final class RecordingRecognition implements SampleSink {
  private final EmotionRecognizer recognizer;
  private final List<StreamRecognition> streams = new ArrayList<>();

  RecordingRecognition(EmotionRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  @Override
  public void accept(int channel, float[] samples, int length) {
    while (streams.size() <= channel) {
      streams.add(recognizer.start());
    }
    streams.get(channel).accept(samples, length);
  }

  /**
   * The prediction of what was streamed from {@code source}: with {@link ChannelMode#SEPARATE}, one
   * result per channel, a channel without speech having none, summed up over all channels.
   *
   * @throws AudioException as {@link StreamRecognition#finish()} does; with separate channels, only
   *     when every channel is silent or speechless ({@code no_speech} then)
   */
  public Prediction finish(AudioSource source, ChannelMode mode) {
    if (streams.isEmpty()) {
      throw new SilentAudioException();
    }
    if (mode == ChannelMode.MIXED) {
      return streams.get(0).finish();
    }
    List<ChannelPrediction> channels = new ArrayList<>();
    boolean allSilent = true;
    for (int c = 0; c < streams.size(); c++) {
      try {
        Prediction prediction = streams.get(c).finish();
        channels.add(
            new ChannelPrediction(
                c, Optional.of(prediction.scores()), prediction.segments(), prediction.timeline()));
        allSilent = false;
      } catch (NoSpeechException e) {
        channels.add(ChannelPrediction.withoutSpeech(c));
        allSilent = false;
      } catch (SilentAudioException e) {
        channels.add(ChannelPrediction.withoutSpeech(c));
      }
    }
    if (allSilent) {
      throw new SilentAudioException();
    }
    if (channels.stream().allMatch(channel -> channel.scores().isEmpty())) {
      throw new NoSpeechException(0, recognizer.minSpeechSeconds());
    }
    return Prediction.ofChannels(channels, recognizer.modelVersion(), source.durationSeconds());
  }
}
