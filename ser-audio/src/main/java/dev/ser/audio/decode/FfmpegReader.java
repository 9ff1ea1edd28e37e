package dev.ser.audio.decode;

import dev.ser.audio.AudioTooLongException;
import dev.ser.audio.CorruptAudioException;
import dev.ser.audio.UnsupportedAudioException;
import java.io.ByteArrayInputStream;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes any container and codec FFmpeg knows, restricted to the audio formats we accept, to 16
 * kHz float32 streams. JavaCV's {@link FFmpegFrameGrabber} gives float frames at the source's rate;
 * channels are averaged here as {@code librosa.to_mono} does (FFmpeg's own downmix scales stereo by
 * 1/sqrt(2), not 1/2), or split with {@link ChannelMode#SEPARATE}, and each frame goes to a {@link
 * Resampler} and on to the {@link SampleSink} at once, so memory follows the frame, not the
 * recording.
 *
 * <p>Only the demuxers in {@link #FORMATS} may open the input, so FFmpeg never follows a playlist
 * or a reference to another file. FFmpeg's own log is silenced: every failure becomes an {@link
 * dev.ser.audio.AudioException} instead.
 */
final class FfmpegReader {
  /** FFmpeg demuxer names: WAV/W64, MP3, MP4/M4A (AAC, ALAC), raw AAC, FLAC, Ogg, Matroska/WebM. */
  static final String FORMATS = "wav,w64,mp3,mov,aac,flac,ogg,matroska";

  static {
    try {
      FFmpegFrameGrabber.tryLoad();
    } catch (FrameGrabber.Exception e) {
      throw new IllegalStateException("FFmpeg's native libraries did not load", e);
    }
    avutil.av_log_set_level(avutil.AV_LOG_QUIET);
  }

  private FfmpegReader() {}

  static AudioSource read(Path file, DecodeLimits limits, ChannelMode mode, SampleSink sink) {
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber("file:" + file.toAbsolutePath());
    grabber.setOption("protocol_whitelist", "file");
    return read(grabber, limits, mode, sink);
  }

  static AudioSource read(byte[] bytes, DecodeLimits limits, ChannelMode mode, SampleSink sink) {
    return read(
        new FFmpegFrameGrabber(new ByteArrayInputStream(bytes), Integer.MAX_VALUE - 8),
        limits,
        mode,
        sink);
  }

  private static AudioSource read(
      FFmpegFrameGrabber grabber, DecodeLimits limits, ChannelMode mode, SampleSink sink) {
    DecodeLimits.Budget budget = limits.decodeBudget();
    grabber.setOption("format_whitelist", FORMATS);
    grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
    try (grabber) {
      try {
        grabber.start();
      } catch (FrameGrabber.Exception | RuntimeException e) {
        throw new UnsupportedAudioException("This file is not audio we can read", e);
      }
      if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0) {
        throw new UnsupportedAudioException("This file has no audio track");
      }
      return decode(grabber, limits, budget, mode, sink);
    } catch (FrameGrabber.Exception e) {
      throw new CorruptAudioException("The audio file could not be closed cleanly.", e);
    }
  }

  /**
   * Grabs, downmixes and resamples frame by frame. The decode-time budget is checked before each
   * grab; when it runs out, the exception leaves through the try-with-resources in {@link #read}
   * (the grabber's codec and format contexts), so a stopped decode frees what it holds like a
   * finished one.
   */
  private static AudioSource decode(
      FFmpegFrameGrabber grabber,
      DecodeLimits limits,
      DecodeLimits.Budget budget,
      ChannelMode mode,
      SampleSink sink) {
    int sampleRate = grabber.getSampleRate();
    Resampler.requireSupportedRate(sampleRate);
    int streams = AudioDecoder.streams(mode, grabber.getAudioChannels());
    long maxFrames = limits.maxFrames(sampleRate);
    long toSkip = opusPreSkipLeftOver(grabber);
    float[] mono = new float[4096];
    Resampler[] resamplers = new Resampler[streams];
    for (int s = 0; s < streams; s++) {
      resamplers[s] = new Resampler(sampleRate, AudioDecoder.SAMPLE_RATE, s, sink);
    }
    Resampler first = resamplers[0];
    while (true) {
      budget.require((double) first.inputFrames() / sampleRate);
      Frame frame;
      try {
        frame = grabber.grabSamples();
      } catch (FrameGrabber.Exception | RuntimeException e) {
        if (first.inputFrames() == 0) {
          throw new CorruptAudioException(
              "The audio data is damaged: nothing could be decoded.", e);
        }
        break;
      }
      if (frame == null) {
        break;
      }
      if (frame.samples == null || frame.audioChannels <= 0) {
        continue;
      }
      if (frame.sampleRate != sampleRate) {
        throw new UnsupportedAudioException("The audio changes its sample rate midway");
      }
      FloatBuffer interleaved = (FloatBuffer) frame.samples[0];
      int channels = frame.audioChannels;
      if (mode == ChannelMode.SEPARATE && channels != streams) {
        throw new UnsupportedAudioException("The audio changes its channel count midway");
      }
      int frames = interleaved.remaining() / channels;
      int skipped = (int) Math.min(toSkip, frames);
      toSkip -= skipped;
      interleaved.position(interleaved.position() + skipped * channels);
      if (mono.length < frames) {
        mono = new float[frames];
      }
      for (int s = 0; s < streams; s++) {
        FloatBuffer view = interleaved.duplicate();
        int length =
            mode == ChannelMode.MIXED
                ? average(view, channels, frames - skipped, mono)
                : pick(view, channels, s, frames - skipped, mono);
        Resampler resampler = resamplers[s];
        float[] chunk = mono;
        budget.offTheClock(() -> resampler.push(chunk, length));
      }
      if (first.inputFrames() > maxFrames) {
        throw new AudioTooLongException(
            limits.maxSeconds(), (double) first.inputFrames() / sampleRate);
      }
    }
    for (Resampler resampler : resamplers) {
      resampler.finish();
    }
    return new AudioSource(
        grabber.getFormat(),
        sampleRate,
        grabber.getAudioChannels(),
        (double) first.inputFrames() / sampleRate,
        streams);
  }

  /** Copies channel {@code channel} of {@code frames} interleaved frames into {@code out}. */
  private static int pick(
      FloatBuffer interleaved, int channels, int channel, int frames, float[] out) {
    int base = interleaved.position();
    for (int frame = 0; frame < frames; frame++) {
      out[frame] = interleaved.get(base + frame * channels + channel);
    }
    return frames;
  }

  /**
   * Averages {@code frames} interleaved frames into {@code mono} as {@code librosa.to_mono} does:
   * summed in order in float32, then divided by the channel count. Returns {@code frames}.
   */
  private static int average(FloatBuffer interleaved, int channels, int frames, float[] mono) {
    for (int frame = 0; frame < frames; frame++) {
      float sum = interleaved.get();
      for (int channel = 1; channel < channels; channel++) {
        sum += interleaved.get();
      }
      mono[frame] = channels == 1 ? sum : sum / channels;
    }
    return frames;
  }

  /**
   * Opus frames start with the encoder's look-ahead ("pre-skip", in OpusHead, at 48 kHz), which a
   * player drops. FFmpeg drops the container's {@code initial_padding} instead; Matroska files
   * whose track declares the encoder's input rate (e.g. 16 kHz) get a padding scaled to that rate,
   * so a few ms of look-ahead survive and shift the audio. Returns the 48 kHz samples still to
   * drop.
   */
  private static int opusPreSkipLeftOver(FFmpegFrameGrabber grabber) {
    AVFormatContext format = grabber.getFormatContext();
    for (int i = 0; i < format.nb_streams(); i++) {
      AVCodecParameters codec = format.streams(i).codecpar();
      if (codec.codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
        if (codec.codec_id() != avcodec.AV_CODEC_ID_OPUS || codec.extradata_size() < 12) {
          return 0;
        }
        BytePointer head = codec.extradata();
        int preSkip = (head.get(10) & 0xFF) | (head.get(11) & 0xFF) << 8;
        return Math.max(0, preSkip - codec.initial_padding());
      }
    }
    return 0;
  }
}
