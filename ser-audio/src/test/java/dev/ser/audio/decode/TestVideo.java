package dev.ser.audio.decode;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Writes small MP4 videos (MPEG-4 Part 2 picture, AAC sound) with FFmpeg's own encoders. */
final class TestVideo {
  private TestVideo() {}

  /** Two seconds of black 64x48 frames at 10 fps, with a 440 Hz tone at 0.5 when {@code sound}. */
  static Path mp4(Path file, boolean sound) throws Exception {
    try (FFmpegFrameRecorder recorder =
        new FFmpegFrameRecorder(file.toString(), 64, 48, sound ? 1 : 0)) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
      recorder.setFrameRate(10);
      if (sound) {
        recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        recorder.setSampleRate(16_000);
        recorder.setAudioBitrate(64_000);
      }
      recorder.start();
      try (Frame picture = new Frame(64, 48, Frame.DEPTH_UBYTE, 3)) {
        float[] tone = TestWav.sine(440, 0.5, 16_000, 2);
        for (int i = 0; i < 20; i++) {
          recorder.record(picture);
          if (sound) {
            recorder.recordSamples(16_000, 1, FloatBuffer.wrap(tone, i * 1_600, 1_600));
          }
        }
      }
    }
    return file;
  }
}
