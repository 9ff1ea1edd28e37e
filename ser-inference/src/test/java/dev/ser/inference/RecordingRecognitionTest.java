package dev.ser.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.NoSpeechException;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.AudioSource;
import dev.ser.audio.decode.ChannelMode;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.ChannelPrediction;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.Prediction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stereo calls analysed one channel at a time, straight from the decoder's stream. */
class RecordingRecognitionTest {
  private static final FeatureSpec SPEC = FeatureSpec.modelDefault();

  private static EmotionModel model;
  private static EmotionRecognizer recognizer;
  private final AudioDecoder decoder = new AudioDecoder();

  @BeforeAll
  static void loadBundledModel() {
    model = EmotionModel.bundled(SPEC);
    recognizer = new EmotionRecognizer(model, new FeatureExtractor(SPEC));
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  /**
   * An angry speaker on the left and a sad one on the right, each in turn: each channel's result is
   * that speaker's clip recognised alone, and its segments lie where that speaker talks.
   */
  @Test
  void eachChannelOfAStereoCallIsItsOwnSpeaker() throws IOException {
    float[] angry = clip("ravdess_angry_actor03.wav");
    float[] sad = clip("ravdess_sad_actor12.wav");
    int gap = 16_000;
    int length = angry.length + gap + sad.length;
    float[] left = new float[length];
    float[] right = new float[length];
    System.arraycopy(angry, 0, left, 0, angry.length);
    System.arraycopy(sad, 0, right, angry.length + gap, sad.length);

    RecordingRecognition recognition = recognizer.startRecording();
    AudioSource source = decoder.stream(stereoWav(left, right), ChannelMode.SEPARATE, recognition);
    Prediction call = recognition.finish(source, ChannelMode.SEPARATE);

    assertThat(call.channels()).hasSize(2);
    ChannelPrediction agent = call.channels().get(0);
    ChannelPrediction customer = call.channels().get(1);
    assertThat(agent.scores().orElseThrow().top()).isEqualTo(Emotion.ANGER);
    assertThat(customer.scores().orElseThrow().top()).isEqualTo(Emotion.SAD);
    assertThat(agent.segments().get(agent.segments().size() - 1).endSeconds())
        .isLessThan(angry.length / 16e3 + 0.2);
    assertThat(customer.segments().get(0).startSeconds())
        .isGreaterThan((angry.length + gap) / 16e3 - 0.2);
    assertThat(call.segments()).isEmpty();
    assertThat(call.durationSeconds()).isCloseTo(length / 16e3, within(1e-6));

    RecordingRecognition mixed = recognizer.startRecording();
    Prediction together =
        mixed.finish(
            decoder.stream(stereoWav(left, right), ChannelMode.MIXED, mixed), ChannelMode.MIXED);
    assertThat(together.channels()).isEmpty();
    assertThat(together.segments()).isNotEmpty();
  }

  @Test
  void aSilentChannelHasNoResultAndTwoSilentChannelsNoSpeech() throws IOException {
    float[] angry = clip("ravdess_angry_actor03.wav");
    float[] quiet = new float[angry.length];
    float[] tone = new float[angry.length];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16e3));
    }

    RecordingRecognition recognition = recognizer.startRecording();
    Prediction call =
        recognition.finish(
            decoder.stream(stereoWav(angry, quiet), ChannelMode.SEPARATE, recognition),
            ChannelMode.SEPARATE);

    assertThat(call.channels().get(1).scores()).isEmpty();
    assertThat(call.emotion()).isEqualTo(call.channels().get(0).scores().orElseThrow().top());

    RecordingRecognition tones = recognizer.startRecording();
    AudioSource source = decoder.stream(stereoWav(tone, quiet), ChannelMode.SEPARATE, tones);
    assertThatThrownBy(() -> tones.finish(source, ChannelMode.SEPARATE))
        .isInstanceOf(NoSpeechException.class);
  }

  private static float[] clip(String name) throws IOException {
    try (InputStream in = RecordingRecognitionTest.class.getResourceAsStream(name)) {
      return new AudioDecoder().decode(in.readAllBytes()).samples();
    }
  }

  /** 16 kHz stereo 32-bit float WAV, which the decoder reads bit-exact. */
  private static byte[] stereoWav(float[] left, float[] right) {
    int dataBytes = left.length * 8;
    ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
    wav.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) 2);
    wav.putInt(16_000).putInt(16_000 * 8).putShort((short) 8).putShort((short) 32);
    wav.put("data".getBytes()).putInt(dataBytes);
    for (int i = 0; i < left.length; i++) {
      wav.putFloat(left[i]).putFloat(right[i]);
    }
    return wav.array();
  }
}
