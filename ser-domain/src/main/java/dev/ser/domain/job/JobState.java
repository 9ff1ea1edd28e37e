package dev.ser.domain.job;

import java.util.Locale;

/** Where a job is: waiting for a worker, being worked on, finished, or given up. */
public enum JobState {
  QUEUED,
  RUNNING,
  /** Every file was analysed or refused; each file says which. */
  DONE,
  /** The job could not be finished: every file refused, or the job stopped twice mid-way. */
  FAILED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinished() {
    return this == DONE || this == FAILED;
  }
}
