package dev.ser.web.samples;

import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.SampleId;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.storage.StorageUnavailableException;
import dev.ser.web.account.CurrentCaller;
import dev.ser.web.analysis.Analyses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The home page's sample list: play one, or analyse it. */
@Named
@RequestScoped
public class SamplesBacking {
  @Inject SampleAdministration samples;
  @Inject Analyses analyses;
  @Inject CurrentCaller caller;

  private List<SampleRecording> published;

  /** The published samples; none while storage is down, so uploading still shows its page. */
  public List<SampleRecording> getPublished() {
    if (published == null) {
      try {
        published = samples.published();
      } catch (StorageUnavailableException e) {
        published = List.of();
      }
    }
    return published;
  }

  public String analyse(SampleId id) {
    AnalysedRecording result = analyses.analyseSample(id, caller.inBrowser());
    return "/result?faces-redirect=true&id=" + result.id();
  }
}
