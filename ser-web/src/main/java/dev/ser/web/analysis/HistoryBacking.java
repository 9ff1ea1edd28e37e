package dev.ser.web.analysis;

import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.web.Formats;
import dev.ser.web.Notice;
import dev.ser.web.account.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
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
  /** Rows per page. */
  static final int PAGE = 25;

  /** What the download links fetch: one page of the API, its largest. */
  static final int DOWNLOAD = PredictionsResource.MAX_PAGE_SIZE;

  @Inject Analyses analyses;
  @Inject CurrentCaller caller;
  @Inject FacesContext faces;
  @Inject Formats formats;

  /** The page shown, from 1 (the newest); {@code ?page=} on the URL. */
  private int page = 1;

  /** What the history is searched for; {@code ?q=} on the URL, blank for everything. */
  private String query = "";

  private List<AnalysedRecording> entries;
  private Long total;

  public List<AnalysedRecording> getEntries() {
    if (entries == null) {
      entries = analyses.history(caller.inBrowser(), query, (getPage() - 1) * PAGE, PAGE);
    }
    return entries;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query == null ? "" : query.strip();
  }

  public boolean isSearching() {
    return !query.isEmpty();
  }

  public int getPage() {
    return Math.max(1, Math.min(page, getPages()));
  }

  public void setPage(int page) {
    this.page = page;
  }

  /** How many pages the history fills (1 when it is empty). */
  public int getPages() {
    return (int) Math.max(1, (getTotal() + PAGE - 1) / PAGE);
  }

  /** How many analyses match the search (all of them without one). */
  public long getTotal() {
    if (total == null) {
      total = analyses.historySize(caller.inBrowser(), query);
    }
    return total;
  }

  public int getDownloadSize() {
    return DOWNLOAD;
  }

  /** Whether the user has more recordings than the downloads hold. */
  public boolean isCut() {
    // Without a search the page's own count is the whole history: no second query.
    long all = isSearching() ? analyses.historySize(caller.inBrowser()) : getTotal();
    return all > DOWNLOAD;
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
            + formats.when(gone.recording().createdAt())
            + " and its audio.");
    return "/history?faces-redirect=true&includeViewParams=true";
  }
}
