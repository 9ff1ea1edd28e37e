package dev.ser.web.health;

import dev.ser.storage.StorageUnavailableException;
import dev.ser.web.Storage;
import dev.ser.web.analysis.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: UP only when a prediction could be made and stored right now, i.e. the
 * model is loaded, the database answers and the blob store takes writes. Load balancers route on
 * it; the data names the dependency that is down ({@code "database": false}), so whoever is paged
 * knows where to look. While storage has never opened, both storage entries are false.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject Pipeline pipeline;
  @Inject Storage storage;

  @Override
  public HealthCheckResponse call() {
    boolean model = pipeline.isReady();
    boolean database = answers(() -> storage.database().isHealthy());
    boolean blob = answers(() -> storage.store().isAvailable());
    return HealthCheckResponse.named("ser")
        .status(model && database && blob)
        .withData("model", model)
        .withData("database", database)
        .withData("blob", blob)
        .build();
  }

  private static boolean answers(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (StorageUnavailableException e) {
      return false;
    }
  }
}
