package dev.ser.web.job;

import dev.ser.audio.decode.ChannelMode;
import dev.ser.domain.SerException;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.web.WebSettings;
import dev.ser.web.account.CurrentCaller;
import dev.ser.web.analysis.Upload;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The home page's "several files" form for signed-in users: the files become one background job,
 * and the history page shows them arrive.
 */
@Named
@RequestScoped
public class BatchBacking {
  @Inject JobSubmissions submissions;
  @Inject CurrentCaller caller;
  @Inject WebSettings settings;

  private List<Part> files = new ArrayList<>();

  public String submit() throws IOException {
    List<Upload> uploads = new ArrayList<>();
    for (Part file : files) {
      uploads.add(Upload.of(file, settings.maxUploadBytes(), RecordingSource.UPLOAD));
    }
    if (uploads.isEmpty()) {
      throw new SerException("missing_file", "Choose one or more files first.");
    }
    submissions.submit(uploads, ChannelMode.MIXED, Optional.empty(), caller.inBrowser());
    return "/history?faces-redirect=true";
  }

  public List<Part> getFiles() {
    return files;
  }

  public void setFiles(List<Part> files) {
    this.files = files == null ? new ArrayList<>() : files;
  }
}
