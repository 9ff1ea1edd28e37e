package dev.ser.web.metrics;

import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.inference.ModelCard;
import dev.ser.web.analysis.Pipeline;
import dev.ser.web.error.Problem;
import dev.ser.web.live.LiveStreams;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What the service does, on {@code /metrics} (MicroProfile Metrics, application scope): analyses by
 * emotion and source, refusals by error code, analysis time, and the model that answers. Counted
 * for uploads, samples, jobs and live streams alike.
 */
@ApplicationScoped
public class AnalysisMetrics {
  @Inject MetricRegistry registry;
  @Inject Pipeline pipeline;
  @Inject LiveStreams live;

  /** Observing the start makes this bean then, so /metrics lists these before any analysis. */
  void startup(@Observes @Initialized(ApplicationScoped.class) Object application) {
    // Nothing more: @PostConstruct registered the gauges.
  }

  @PostConstruct
  void register() {
    registry.gauge("ser_live_streams", () -> live.openStreams());
    String version = pipeline.card().map(ModelCard::version).orElse("none");
    registry.gauge(
        "ser_model_info",
        pipeline,
        loaded -> loaded.isReady() ? 1 : 0,
        new Tag("version", version));
  }

  /** One analysis answered, and how long it took from the audio's arrival to its answer. */
  public void predicted(Prediction prediction, RecordingSource source, Duration took) {
    registry
        .counter(
            "ser_predictions",
            new Tag("emotion", prediction.emotion().label()),
            new Tag("source", source.label()))
        .inc();
    registry.timer("ser_analysis", new Tag("source", source.label())).update(took);
  }

  /** One analysis refused or failed, by the code its caller was told. */
  public void refused(Throwable failure) {
    String code = Problem.in(failure).map(Problem::code).orElse("internal_error");
    registry.counter("ser_analysis_errors", new Tag("code", code)).inc();
  }
}
