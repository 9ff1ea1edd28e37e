package dev.ser.web;

import dev.ser.web.account.FirstAdmin;
import dev.ser.web.analysis.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Loads the model and opens storage while the application deploys, so the first request is not the
 * slow one; once storage is open (at start, or later if it was down) it makes sure an admin exists
 * and schedules housekeeping.
 */
@ApplicationScoped
public class Startup {
  @Inject Storage storage;
  @Inject Pipeline pipeline;
  @Inject FirstAdmin firstAdmin;
  @Inject Housekeeper housekeeper;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    storage.isAvailable();
    pipeline.isReady();
    storage.whenOpen(firstAdmin::ensure);
    storage.whenOpen(housekeeper::start);
  }
}
