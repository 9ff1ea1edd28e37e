package dev.ser.web.job;

import dev.ser.domain.job.Job;
import dev.ser.web.account.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The history page's list of the signed-in user's jobs still queued or running. */
@Named
@RequestScoped
public class RunningJobs {
  @Inject JobSubmissions submissions;
  @Inject CurrentCaller caller;

  private List<Job> jobs;

  public List<Job> getJobs() {
    if (jobs == null) {
      jobs = submissions.unfinishedOf(caller.inBrowser());
    }
    return jobs;
  }

  /** A job's progress in whole percent. */
  public long percent(Job job) {
    return Math.round(100 * job.progress());
  }
}
