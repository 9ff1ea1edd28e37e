package dev.ser.web.analysis;

import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.web.account.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The history page: the signed-in user's recordings, newest first, with delete and download links
 * to the API.
 */
@Named
@RequestScoped
public class HistoryBacking {
  /** As many as the page lists, and its download links fetch in one page of the API. */
  static final int PAGE = PredictionsResource.MAX_PAGE_SIZE;

  @Inject Analyses analyses;
  @Inject CurrentCaller caller;

  private List<AnalysedRecording> entries;

  public List<AnalysedRecording> getEntries() {
    if (entries == null) {
      entries = analyses.history(caller.inBrowser(), 0, PAGE);
    }
    return entries;
  }

  public int getPageSize() {
    return PAGE;
  }

  /** Whether the user has more recordings than the page lists and its downloads hold. */
  public boolean isCut() {
    return getEntries().size() == PAGE && analyses.historySize(caller.inBrowser()) > PAGE;
  }

  public String delete(String id) {
    analyses.delete(RecordingId.parse(id), caller.inBrowser());
    return "/history?faces-redirect=true";
  }
}
