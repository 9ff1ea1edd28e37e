package dev.ser.web.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.ser.domain.job.JobId;
import dev.ser.web.Storage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The job queue: db-scheduler (a maintained library) on the application's PostgreSQL, table {@code
 * scheduled_tasks} (migration V4). Every instance runs a scheduler that polls the table and locks a
 * due row before running it, so instances behind a load balancer share one queue and each job runs
 * on one of them; a queued job survives a restart. A running job's instance writes a heartbeat
 * every {@code ser.jobs.heartbeat}; when it stops (the process died), another instance takes the
 * job over after a few missed heartbeats and {@link JobRunner} resumes it (once).
 */
@ApplicationScoped
public class JobQueue {
  private static final Logger LOG = Logger.getLogger(JobQueue.class.getName());
  private static final String TASK = "analyse-job";

  @Inject Storage storage;
  @Inject JobRunner runner;

  @Inject
  @ConfigProperty(name = "ser.jobs.threads", defaultValue = "2")
  int threads;

  @Inject
  @ConfigProperty(name = "ser.jobs.poll-interval", defaultValue = "PT1S")
  String pollInterval;

  @Inject
  @ConfigProperty(name = "ser.jobs.heartbeat", defaultValue = "PT10S")
  String heartbeat;

  private volatile Scheduler scheduler;
  private OneTimeTask<String> task;

  /** Starts this instance's worker; called once storage is open. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    task =
        Tasks.oneTime(TASK, String.class)
            .execute(
                (instance, context) -> runner.run(JobId.parse(instance.getData()).orElseThrow()));
    scheduler =
        Scheduler.create(storage.database().dataSource(), task)
            .threads(threads)
            .pollingInterval(Duration.parse(pollInterval))
            .heartbeatInterval(Duration.parse(heartbeat))
            .missedHeartbeatsLimit(4)
            .enableImmediateExecution()
            .shutdownMaxWait(Duration.ofSeconds(10))
            .build();
    scheduler.start();
    LOG.info(() -> "job worker started: " + threads + " threads, polling every " + pollInterval);
  }

  /**
   * Runs one job. A failure is logged here (db-scheduler logs through SLF4J, which has no binding
   * in this application) and left to db-scheduler, which tries the job again later.
   */
  private void run(String id) {
    try {
      runner.run(JobId.parse(id).orElseThrow());
    } catch (RuntimeException | Error e) {
      LOG.log(Level.SEVERE, "job " + id + " failed; it will be tried again", e);
      throw e;
    }
  }

  /** Puts a job in the queue; any instance's worker may run it. */
  public void enqueue(JobId id) {
    Scheduler running =
        Optional.ofNullable(scheduler)
            .orElseThrow(() -> new IllegalStateException("the job queue has not started"));
    running.schedule(task.instance(id.toString(), id.toString()), Instant.now());
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }
}
