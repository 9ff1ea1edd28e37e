package dev.ser.web.analysis;

import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.web.account.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The history page: the signed-in user's recordings, newest first, with delete. */
@Named
@RequestScoped
public class HistoryBacking {
  static final int PAGE = 100;

  @Inject Analyses analyses;
  @Inject CurrentCaller caller;

  private List<AnalysedRecording> entries;

  public List<AnalysedRecording> getEntries() {
    if (entries == null) {
      entries = analyses.history(caller.inBrowser(), 0, PAGE);
    }
    return entries;
  }

  public String delete(String id) {
    analyses.delete(RecordingId.parse(id), caller.inBrowser());
    return "/history?faces-redirect=true";
  }
}
