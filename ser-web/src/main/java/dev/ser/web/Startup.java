package dev.ser.web;

import dev.ser.web.account.FirstAdmin;
import dev.ser.web.analysis.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Opens storage, loads the model, makes sure an admin exists and schedules housekeeping while the
 * application deploys, so the first request is not the slow one and a broken configuration fails
 * the start, visibly.
 */
@ApplicationScoped
public class Startup {
  @Inject Storage storage;
  @Inject Pipeline pipeline;
  @Inject FirstAdmin firstAdmin;
  @Inject Housekeeper housekeeper;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    storage.database();
    pipeline.isReady();
    firstAdmin.ensure();
    housekeeper.start();
  }
}
