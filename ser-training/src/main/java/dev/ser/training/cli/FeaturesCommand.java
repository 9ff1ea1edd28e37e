package dev.ser.training.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodeLimits;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.audio.feature.Features;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./ser features [--librosa-defaults] FILE}: decodes any supported audio file to 16 kHz mono
 * and prints its features as one JSON object, shaped like librosa's arrays so the two can be
 * compared directly:
 *
 * <pre>
 * {"sample_rate": 16000, "frames": T,
 *  "mel_power": [n_mels][T], "log_mel": [n_mels][T], "mfcc": [n_mfcc][T], "zcr": [T], "rms": [T],
 *  "spec": {"sr": ..., "n_fft": ..., ...},
 *  "source": {"format": ..., "sample_rate": ..., "channels": ..., "duration_seconds": ...}}
 * </pre>
 *
 * The model's spec is used unless {@code --librosa-defaults} asks for librosa's own defaults (n_fft
 * 2048, hop 512, 128 mels, 20 MFCC). Clips of any length up to the decoder's 5-minute limit are
 * accepted, silence included: this command shows features, it does not judge the recording.
 */
final class FeaturesCommand implements Main.Command {
  private static final DecodeLimits ANY_LENGTH =
      new DecodeLimits(0, DecodeLimits.DEFAULT.maxSeconds());

  @Override
  public String summary() {
    return "[--librosa-defaults] FILE: librosa-equal features of an audio file as one JSON object";
  }

  @Override
  public int run(String[] args, PrintStream out) throws IOException {
    FeatureSpec spec = FeatureSpec.modelDefault();
    Path file = null;
    for (String arg : args) {
      if (arg.equals("--librosa-defaults")) {
        spec = FeatureSpec.librosaDefaults(AudioDecoder.SAMPLE_RATE);
      } else if (arg.startsWith("-") || file != null) {
        throw new Main.UsageException("usage: ./ser features [--librosa-defaults] FILE");
      } else {
        file = Path.of(arg);
      }
    }
    if (file == null) {
      throw new Main.UsageException("usage: ./ser features [--librosa-defaults] FILE");
    }
    DecodedAudio audio = new AudioDecoder(ANY_LENGTH).decode(file);
    Features features = new FeatureExtractor(spec).extract(audio.samples());
    try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(json, audio, features);
    }
    out.println();
    out.flush();
    return 0;
  }

  private static void write(JsonGenerator json, DecodedAudio audio, Features features)
      throws IOException {
    json.writeStartObject();
    json.writeNumberField("sample_rate", audio.sampleRate());
    json.writeNumberField("frames", features.frames());
    matrix(json, "mel_power", features.melPower());
    matrix(json, "log_mel", features.logMel());
    matrix(json, "mfcc", features.mfcc());
    vector(json, "zcr", features.zcr());
    vector(json, "rms", features.rms());
    spec(json, features.spec());
    json.writeObjectFieldStart("source");
    json.writeStringField("format", audio.format());
    json.writeNumberField("sample_rate", audio.sourceSampleRate());
    json.writeNumberField("channels", audio.sourceChannels());
    json.writeNumberField("duration_seconds", audio.sourceDurationSeconds());
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The spec under librosa's parameter names; {@code None} in librosa is {@code null} here. */
  private static void spec(JsonGenerator json, FeatureSpec spec) throws IOException {
    json.writeObjectFieldStart("spec");
    json.writeNumberField("sr", spec.sampleRate());
    json.writeNumberField("n_fft", spec.nFft());
    json.writeNumberField("win_length", spec.winLength());
    json.writeNumberField("hop_length", spec.hopLength());
    json.writeBooleanField("center", spec.center());
    json.writeNumberField("n_mels", spec.nMels());
    json.writeNumberField("fmin", spec.fmin());
    json.writeNumberField("fmax", spec.fmax());
    json.writeBooleanField("htk", spec.htk());
    if (spec.slaneyNorm()) {
      json.writeStringField("norm", "slaney");
    } else {
      json.writeNullField("norm");
    }
    json.writeNumberField("power", spec.power());
    json.writeNumberField("amin", spec.amin());
    if (spec.topDb() > 0) {
      json.writeNumberField("top_db", spec.topDb());
    } else {
      json.writeNullField("top_db");
    }
    json.writeNumberField("n_mfcc", spec.nMfcc());
    json.writeNumberField("zcr_frame_length", spec.zcrFrameLength());
    json.writeNumberField("rms_frame_length", spec.rmsFrameLength());
    json.writeEndObject();
  }

  private static void matrix(JsonGenerator json, String name, float[][] rows) throws IOException {
    json.writeArrayFieldStart(name);
    for (float[] row : rows) {
      array(json, row);
    }
    json.writeEndArray();
  }

  private static void vector(JsonGenerator json, String name, float[] values) throws IOException {
    json.writeFieldName(name);
    array(json, values);
  }

  /** Each float as its shortest decimal, so 0.1f prints as 0.1, not 0.10000000149. */
  private static void array(JsonGenerator json, float[] values) throws IOException {
    json.writeStartArray();
    for (float value : values) {
      json.writeNumber(value);
    }
    json.writeEndArray();
  }
}
