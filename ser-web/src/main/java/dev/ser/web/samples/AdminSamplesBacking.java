package dev.ser.web.samples;

import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.domain.recording.SampleId;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.web.Notice;
import dev.ser.web.WebSettings;
import dev.ser.web.account.CurrentCaller;
import dev.ser.web.analysis.Upload;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.List;

/** The admin's sample library page: add, publish or unpublish, delete, and usage counts. */
@Named
@RequestScoped
public class AdminSamplesBacking {
  @Inject SampleAdministration samples;
  @Inject CurrentCaller caller;
  @Inject WebSettings settings;
  @Inject FacesContext faces;

  private String name;
  private Emotion expected = Emotion.NEUTRAL;
  private boolean published = true;
  private Part file;
  private List<SampleRecording> all;

  public List<SampleRecording> getAll() {
    if (all == null) {
      all = samples.all(caller.inBrowser());
    }
    return all;
  }

  public Emotion[] getEmotions() {
    return Emotion.values();
  }

  public String add() throws IOException {
    SampleRecording added =
        samples.add(
            caller.inBrowser(),
            name,
            expected,
            published,
            Upload.of(file, settings.maxUploadBytes(), RecordingSource.UPLOAD));
    Notice.afterRedirect(faces, "Added the sample '" + added.name() + "'.");
    return "/admin/samples?faces-redirect=true";
  }

  public String publish(String id, boolean publish) {
    String sample = nameOf(id);
    samples.setPublished(caller.inBrowser(), SampleId.parse(id), publish);
    Notice.afterRedirect(
        faces,
        (publish ? "Published the sample '" : "Unpublished the sample '")
            + sample
            + (publish ? "': visitors can try it." : "': only admins see it now."));
    return "/admin/samples?faces-redirect=true";
  }

  public String delete(String id) {
    String sample = nameOf(id);
    samples.delete(caller.inBrowser(), SampleId.parse(id));
    Notice.afterRedirect(faces, "Deleted the sample '" + sample + "' and its audio.");
    return "/admin/samples?faces-redirect=true";
  }

  private String nameOf(String id) {
    return getAll().stream()
        .filter(sample -> sample.id().toString().equals(id))
        .map(SampleRecording::name)
        .findFirst()
        .orElse(id);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Emotion getExpected() {
    return expected;
  }

  public void setExpected(Emotion expected) {
    this.expected = expected;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
