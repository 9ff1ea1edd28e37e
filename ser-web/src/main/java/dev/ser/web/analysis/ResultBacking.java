package dev.ser.web.analysis;

import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.web.WebSettings;
import dev.ser.web.account.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The result page: one analysed recording, if the caller may see it (else 404), drawn by {@link
 * ResultView}; an anonymous one says how long it is kept and how to keep it. Its owner's share box
 * is {@link ShareBacking}.
 */
@Named
@RequestScoped
public class ResultBacking {
  @Inject Analyses analyses;
  @Inject CurrentCaller caller;
  @Inject WebSettings settings;

  private String id;
  private AnalysedRecording analysis;
  private ResultView view;

  public void load() {
    analysis = analyses.find(RecordingId.parse(id), caller.inBrowser());
    view = new ResultView(analysis);
  }

  /** Hours an anonymous analysis is kept; 0 when it is kept like the others. */
  public int getAnonymousHours() {
    return settings.anonymousRetentionHours();
  }

  public AnalysedRecording getAnalysis() {
    return analysis;
  }

  public ResultView getView() {
    return view;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
