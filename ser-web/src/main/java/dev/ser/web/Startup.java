package dev.ser.web;

import dev.ser.web.account.FirstAdmin;
import dev.ser.web.analysis.Pipeline;
import dev.ser.web.job.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Loads the model and opens storage while the application deploys, so the first request is not the
 * slow one; once storage is open (at start, or later if it was down) it makes sure an admin exists
 * and schedules housekeeping, and starts this instance's job worker.
 */
@ApplicationScoped
public class Startup {
  @Inject Storage storage;
  @Inject Pipeline pipeline;
  @Inject FirstAdmin firstAdmin;
  @Inject Housekeeper housekeeper;
  @Inject JobQueue jobs;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    storage.isAvailable();
    pipeline.isReady();
    storage.whenOpen(firstAdmin::ensure);
    storage.whenOpen(housekeeper::start);
    storage.whenOpen(jobs::start);
  }
}
