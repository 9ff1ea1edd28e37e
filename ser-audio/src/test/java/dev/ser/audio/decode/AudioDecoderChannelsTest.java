package dev.ser.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.UnsupportedAudioException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming decode: one stream per channel with {@link ChannelMode#SEPARATE}, the same audio as
 * {@link AudioDecoder#decode} in chunks with {@link ChannelMode#MIXED}.
 */
class AudioDecoderChannelsTest {
  private static final float[] SPEECH =
      TestWav.pcm16Samples(TestWav.resource("/golden/speech_16k.wav"));
  private static final float[] TONE = TestWav.sine(440, 0.5, 16_000, SPEECH.length / 16_000.0);

  private final AudioDecoder decoder = new AudioDecoder();

  @Test
  void separateGivesEachWavChannelBitExact() {
    byte[] stereo = TestWav.pcm(16_000, 16, SPEECH, TONE);

    Streams streams = new Streams();
    AudioSource source = decoder.stream(stereo, ChannelMode.SEPARATE, streams);

    assertThat(source.channels()).isEqualTo(2);
    assertThat(source.streams()).isEqualTo(2);
    assertThat(TestWav.firstDifference(streams.get(0), SPEECH)).isEqualTo(-1);
    assertThat(streams.get(1))
        .containsExactly(decoder.decode(TestWav.pcm(16_000, 16, TONE)).samples());
  }

  @Test
  void mixedStreamEqualsTheWholeDecode() {
    byte[] stereo = TestWav.pcm(44_100, 16, resampledTo44k(SPEECH), resampledTo44k(TONE));

    Streams streams = new Streams();
    AudioSource source = decoder.stream(stereo, ChannelMode.MIXED, streams);

    assertThat(source.streams()).isEqualTo(1);
    assertThat(streams.count()).isEqualTo(1);
    assertThat(streams.get(0)).containsExactly(decoder.decode(stereo).samples());
  }

  @Test
  void separateChannelsOfAStereoFlacThroughFfmpeg(@TempDir Path dir) throws Exception {
    Path flac = dir.resolve("call.flac");
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(flac.toString(), 2)) {
      recorder.setFormat("flac");
      recorder.setAudioCodec(avcodec.AV_CODEC_ID_FLAC);
      recorder.setSampleRate(48_000);
      recorder.start();
      float[] left = resampled(SPEECH, 48_000);
      float[] right = resampled(TONE, 48_000);
      recorder.recordSamples(48_000, 2, FloatBuffer.wrap(left), FloatBuffer.wrap(right));
    }

    Streams streams = new Streams();
    AudioSource source = decoder.stream(flac, ChannelMode.SEPARATE, streams);

    assertThat(source.format()).isEqualTo("flac");
    assertThat(source.streams()).isEqualTo(2);
    float[] speech = streams.get(0);
    float[] tone = streams.get(1);
    assertThat(speech.length).isCloseTo(SPEECH.length, within(2));
    assertThat(correlation(speech, SPEECH)).isGreaterThan(0.99);
    assertThat(correlation(tone, TONE)).isGreaterThan(0.99);
    assertThat(Math.abs(correlation(speech, TONE))).isLessThan(0.05);
  }

  @Test
  void refusesSeparateAnalysisOfMoreThanEightChannels() {
    float[][] channels = new float[9][];
    for (int c = 0; c < channels.length; c++) {
      channels[c] = TONE;
    }
    byte[] wav = TestWav.pcm(16_000, 16, channels);

    assertThatThrownBy(() -> decoder.stream(wav, ChannelMode.SEPARATE, new Streams()))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("at most 8");
    assertThat(decoder.stream(wav, ChannelMode.MIXED, new Streams()).streams()).isEqualTo(1);
  }

  /** Repeats every sample by nearest neighbour: a 16 kHz signal at 48 kHz for FLAC's sake. */
  private static float[] resampled(float[] x, int rate) {
    int factor = rate / 16_000;
    float[] y = new float[x.length * factor];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i / factor];
    }
    return y;
  }

  private static float[] resampledTo44k(float[] x) {
    float[] y = new float[(int) ((long) x.length * 44_100 / 16_000)];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[(int) ((long) i * 16_000 / 44_100)];
    }
    return y;
  }

  private static double correlation(float[] a, float[] b) {
    int n = Math.min(a.length, b.length);
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < n; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }

  /** Collects every stream's chunks. */
  private static final class Streams implements SampleSink {
    private final List<SampleBuffer> buffers = new ArrayList<>();

    @Override
    public void accept(int channel, float[] samples, int length) {
      while (buffers.size() <= channel) {
        buffers.add(new SampleBuffer(16_000));
      }
      buffers.get(channel).append(samples, length);
    }

    int count() {
      return buffers.size();
    }

    float[] get(int channel) {
      return buffers.get(channel).toArray();
    }
  }
}
