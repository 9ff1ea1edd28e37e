package dev.ser.inference;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodedAudio;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/** Recordings the recognition tests read: the committed clips, and a long call made of them. */
final class TestRecordings {
  private TestRecordings() {}

  /**
   * {@code seconds} of the test sentences one after another, each followed by a 1.5 s pause of
   * quiet noise (-60 dBFS), as a long call sounds.
   */
  static float[] sentences(double seconds) {
    float[][] clips = {
      clip("speech_16k.wav"), clip("ravdess_angry_actor03.wav"), clip("ravdess_sad_actor12.wav")
    };
    float[] recording = quietNoise(seconds, 7);
    int at = 0;
    for (int n = 0; at < recording.length; n++) {
      float[] clip = clips[n % clips.length];
      System.arraycopy(clip, 0, recording, at, Math.min(clip.length, recording.length - at));
      at += clip.length + 24_000;
    }
    return recording;
  }

  /** {@code seconds} of Gaussian noise at -60 dBFS, the floor of a quiet room. */
  static float[] quietNoise(double seconds, long seed) {
    float[] noise = new float[(int) Math.round(seconds * 16_000)];
    Random random = new Random(seed);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (random.nextGaussian() * 1e-3);
    }
    return noise;
  }

  /** A committed 16 kHz clip of this package's test resources, decoded. */
  static float[] clip(String name) {
    try (InputStream in = TestRecordings.class.getResourceAsStream(name)) {
      return new AudioDecoder().decode(in.readAllBytes()).samples();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static DecodedAudio audio(float[] samples) {
    return new DecodedAudio(samples, 16_000, "wav", 16_000, 1, samples.length / 16e3);
  }
}
