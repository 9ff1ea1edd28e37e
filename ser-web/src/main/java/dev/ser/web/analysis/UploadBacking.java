package dev.ser.web.analysis;

import dev.ser.audio.decode.ChannelMode;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.web.WebSettings;
import dev.ser.web.account.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;

/** The home page's upload and record form: one file in, the result page out. */
@Named
@RequestScoped
public class UploadBacking {
  @Inject Analyses analyses;
  @Inject CurrentCaller caller;
  @Inject WebSettings settings;

  private Part file;
  private String source = RecordingSource.UPLOAD.label();
  private boolean separateChannels;

  public String analyse() throws IOException {
    RecordingSource from =
        RecordingSource.RECORD.label().equals(source)
            ? RecordingSource.RECORD
            : RecordingSource.UPLOAD;
    AnalysedRecording result =
        analyses.analyse(
            Upload.of(file, settings.maxUploadBytes(), from),
            separateChannels ? ChannelMode.SEPARATE : ChannelMode.MIXED,
            caller.inBrowser());
    return "/result?faces-redirect=true&id=" + result.id();
  }

  /** The upload limit in bytes, for the page's own check before anything is sent. */
  public long getMaxBytes() {
    return settings.maxUploadBytes();
  }

  /** Hours an analysis without an account is kept; 0 when it is kept like the others. */
  public int getAnonymousHours() {
    return settings.anonymousRetentionHours();
  }

  public long getMaxMegabytes() {
    return settings.maxUploadBytes() / (1024 * 1024);
  }

  public int getMaxMinutes() {
    return settings.maxAudioSeconds() / 60;
  }

  public int getMaxRecordSeconds() {
    return settings.maxRecordSeconds();
  }

  /** Whether each channel of a stereo call is analysed on its own (e.g. agent and customer). */
  public boolean isSeparateChannels() {
    return separateChannels;
  }

  public void setSeparateChannels(boolean separateChannels) {
    this.separateChannels = separateChannels;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }
}
