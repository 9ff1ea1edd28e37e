package dev.ser.web.health;

import dev.ser.web.Storage;
import dev.ser.web.analysis.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: UP only when a prediction could be made and stored right now, i.e. the
 * model is loaded and the database and blob store answer. Load balancers route on it.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject Pipeline pipeline;
  @Inject Storage storage;

  @Override
  public HealthCheckResponse call() {
    boolean model = pipeline.isReady();
    boolean stored = storage.isAvailable();
    return HealthCheckResponse.named("ser")
        .status(model && stored)
        .withData("model", model)
        .withData("storage", stored)
        .build();
  }
}
