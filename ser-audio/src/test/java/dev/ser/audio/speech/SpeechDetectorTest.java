package dev.ser.audio.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodeLimits;
import dev.ser.audio.decode.DecodedAudio;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpeechDetectorTest {
  private final SpeechDetector detector = new SpeechDetector();

  private static DecodedAudio golden(String name) throws IOException {
    try (InputStream in = SpeechDetectorTest.class.getResourceAsStream("/golden/" + name)) {
      return new AudioDecoder(new DecodeLimits(0, 60, 30)).decode(in.readAllBytes());
    }
  }

  private SpeechActivity detect(DecodedAudio audio) {
    return detector.detect(audio.samples(), audio.sampleRate());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "speech_16k.wav",
        "speech_22k_mono.wav",
        "speech_48k_stereo.wav",
        "ravdess_angry_actor03.wav",
        "ravdess_sad_actor12.wav"
      })
  void findsMostOfTheSpokenWordsAsSpeech(String name) throws IOException {
    DecodedAudio audio = golden(name);

    double speech = detect(audio).speechSeconds();

    // The clips hold a sentence with some silence before and after it.
    assertThat(speech).isGreaterThan(1.5).isLessThanOrEqualTo(audio.durationSeconds() + 0.01);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sine_440hz_1s.wav",
        "chirp_100_7000hz_3s.wav",
        "white_noise_2s.wav",
        "square_clipped_1s.wav",
        "silence_1s.wav",
        "noise_100ms.wav"
      })
  void findsNoSpeechInTonesSweepsNoiseAndSilence(String name) throws IOException {
    assertThat(detect(golden(name)).speechSeconds()).isZero();
  }

  @Test
  void findsNoSpeechInAToneWhoseHarmonicsLieInTheVoiceRange() {
    float[] hum = new float[3 * 16000];
    for (int i = 0; i < hum.length; i++) {
      for (int h = 1; h <= 8; h++) {
        hum[i] += (float) (0.1 / h * Math.sin(2 * Math.PI * 150 * h * i / 16000.0));
      }
    }
    assertThat(detector.detect(hum, 16000).speechSeconds()).isZero();
  }

  @Test
  void aPauseSplitsTwoSentencesIntoTwoStretchesThatLeaveItOut() throws IOException {
    float[] first = golden("speech_16k.wav").samples();
    float[] second = golden("ravdess_angry_actor03.wav").samples();
    float[] joined = new float[first.length + 2 * 16000 + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length + 2 * 16000, second.length);
    double pauseStart = first.length / 16000.0;
    double pauseEnd = pauseStart + 2;

    List<SpeechActivity.Stretch> stretches = detector.detect(joined, 16000).stretches(0.5, 10);

    assertThat(stretches).hasSize(2);
    assertThat(stretches.get(0).endSeconds()).isLessThanOrEqualTo(pauseStart + 0.2);
    assertThat(stretches.get(1).startSeconds()).isGreaterThanOrEqualTo(pauseEnd - 0.2);
    assertThat(stretches.get(1).endSeconds()).isLessThanOrEqualTo(joined.length / 16000.0);
  }

  @Test
  void stretchesSplitAtPausesMergeBreathsAndCutLongSpeech() {
    boolean[] frames = new boolean[3000];
    fill(frames, 100, 400); // 1.0-4.0 s
    fill(frames, 420, 600); // a 0.2 s breath, then to 6.0 s
    fill(frames, 700, 2900); // after a 1 s pause, 22 s of speech
    SpeechActivity activity = new SpeechActivity(frames, 0.01, 30.0);

    List<SpeechActivity.Stretch> stretches = activity.stretches(0.5, 10);

    assertThat(activity.speechSeconds()).isEqualTo(3.0 + 1.8 + 22.0, within(1e-9));
    assertThat(stretches).hasSize(4);
    assertThat(stretches.get(0).startSeconds()).isEqualTo(0.995, within(1e-9));
    assertThat(stretches.get(0).endSeconds()).isEqualTo(5.995, within(1e-9));
    for (SpeechActivity.Stretch part : stretches.subList(1, 4)) {
      assertThat(part.seconds()).isEqualTo(22.0 / 3, within(1e-9));
    }
    assertThat(stretches.get(3).endSeconds()).isEqualTo(28.995, within(1e-9));
  }

  @Test
  void refusesAudioAtAnotherRate() {
    assertThatThrownBy(() -> detector.detect(new float[8000], 8000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void fill(boolean[] frames, int from, int to) {
    for (int t = from; t < to; t++) {
      frames[t] = true;
    }
  }
}
