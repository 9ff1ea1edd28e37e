package dev.ser.training.cli;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.AudioSource;
import dev.ser.audio.decode.ChannelMode;
import dev.ser.audio.decode.DecodeLimits;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Prediction;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.inference.RecordingRecognition;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * {@code ./ser bench long}: a call of 6 and of 60 minutes (the golden speech clips over and over,
 * 1.5 s pauses of quiet noise between them) encoded as MP3 at 128 kbit/s, then decoded and analysed
 * the way the server does it, a minute at a time. Prints the time and the peak heap of each; the
 * two peaks should be alike, since nothing kept grows with the length but the timeline (one entry
 * per second). Run it with a small heap ({@code SER_JAVA_OPTS=-Xmx160m}) to see an hour fit where
 * the hour's samples alone (230 MB as float) would not.
 */
final class LongRecordingBench {
  private static final int RATE = 16_000;

  private LongRecordingBench() {}

  static void run(Path golden, PrintStream out) throws Exception {
    float[][] clips = {
      clip(golden, "speech_16k.wav"),
      clip(golden, "ravdess_angry_actor03.wav"),
      clip(golden, "ravdess_sad_actor12.wav")
    };
    out.printf(
        "long recordings: MP3 128 kbit/s, 16 kHz mono, one thread, max heap %d MB, Java %s%n%n",
        Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.version());
    out.printf(
        "%-9s %8s %10s %10s %9s %10s %9s %9s%n",
        "length", "MB", "encode s", "analyse s", "x real", "peak heap", "segments", "windows");
    FeatureSpec spec = FeatureSpec.modelDefault();
    Path dir = Files.createTempDirectory("ser-long");
    try (EmotionModel model = EmotionModel.bundled(spec)) {
      EmotionRecognizer recognizer = new EmotionRecognizer(model, new FeatureExtractor(spec));
      AudioDecoder decoder = new AudioDecoder(new DecodeLimits(0.5, 3600));
      for (int minutes : new int[] {6, 60}) {
        Path mp3 = dir.resolve(minutes + "min.mp3");
        long encodeStart = System.nanoTime();
        encode(mp3, clips, minutes * 60);
        double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;

        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        RecordingRecognition recognition = recognizer.startRecording();
        AudioSource source = decoder.stream(mp3, ChannelMode.MIXED, recognition);
        Prediction prediction = recognition.finish(source, ChannelMode.MIXED);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP) {
            peak += pool.getPeakUsage().getUsed();
          }
        }
        out.printf(
            "%-9s %8.1f %10.1f %10.1f %9.0f %7d MB %9d %9d%n",
            minutes + " min",
            Files.size(mp3) / 1e6,
            encodeSeconds,
            seconds,
            prediction.durationSeconds() / seconds,
            peak / (1024 * 1024),
            prediction.segments().size(),
            prediction.timeline().size());
        Files.delete(mp3);
      }
    } finally {
      for (int minutes : new int[] {6, 60}) {
        Files.deleteIfExists(dir.resolve(minutes + "min.mp3"));
      }
      Files.deleteIfExists(dir);
    }
    out.println();
    out.println(
        "peak heap: the largest heap in use during the analysis (young garbage included), summed"
            + " over the heap pools' peaks");
  }

  /** {@code seconds} of the clips one after another, 1.5 s of -60 dBFS noise after each. */
  private static void encode(Path mp3, float[][] clips, int seconds) throws Exception {
    Random noise = new Random(1);
    float[] pause = new float[RATE * 3 / 2];
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(mp3.toString(), 1)) {
      recorder.setFormat("mp3");
      recorder.setAudioCodec(avcodec.AV_CODEC_ID_MP3);
      recorder.setSampleRate(RATE);
      recorder.setAudioBitrate(128_000);
      recorder.start();
      long left = (long) seconds * RATE;
      for (int n = 0; left > 0; n++) {
        float[] clip = clips[n % clips.length];
        for (int i = 0; i < pause.length; i++) {
          pause[i] = (float) (noise.nextGaussian() * 1e-3);
        }
        for (float[] part : new float[][] {clip, pause}) {
          int length = (int) Math.min(part.length, left);
          if (length > 0) {
            recorder.recordSamples(RATE, 1, FloatBuffer.wrap(part, 0, length));
            left -= length;
          }
        }
      }
    }
  }

  private static float[] clip(Path golden, String name) {
    Path file = golden.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new Main.UsageException(file + " not found");
    }
    return new AudioDecoder().decode(file).samples();
  }
}
