package dev.ser.web.analysis;

import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.web.Notice;
import dev.ser.web.account.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

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
  @Inject FacesContext faces;

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
    RecordingId recording = RecordingId.parse(id);
    AnalysedRecording gone = analyses.find(recording, caller.inBrowser());
    analyses.delete(recording, caller.inBrowser());
    Notice.afterRedirect(
        faces,
        "Deleted "
            + gone.recording()
                .originalFilename()
                .map(name -> "'" + name + "'")
                .orElse("the " + gone.recording().source().label() + " recording")
            + " of "
            + DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                .format(gone.recording().createdAt().atZone(ZoneOffset.UTC))
            + " and its audio.");
    return "/history?faces-redirect=true";
  }
}
