package dev.ser.web.job;

import dev.ser.domain.SerException;
import dev.ser.domain.job.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A job's {@code callback}: checked when the job is made (only hosts an admin listed in {@code
 * ser.jobs.callback-hosts} may be called; none by default, so the server cannot be made to call
 * into its own network), and called with the finished job as JSON, once, with a 10 s timeout. A
 * failed call is logged; the job's result stays readable with {@code GET /api/v1/jobs/{id}}.
 */
@ApplicationScoped
public class Callbacks {
  private static final Logger LOG = Logger.getLogger(Callbacks.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject
  @ConfigProperty(name = "ser.jobs.callback-hosts")
  Optional<String> allowedHosts;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /**
   * The callback URL if it may be called.
   *
   * @throws SerException {@code callback_not_allowed} for anything but http(s) to an allowed host
   */
  public Optional<String> check(String callback) {
    if (callback == null || callback.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(callback.strip());
    } catch (URISyntaxException e) {
      throw notAllowed(callback);
    }
    String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || !hosts().contains(host)) {
      throw notAllowed(callback);
    }
    return Optional.of(uri.toString());
  }

  /** POSTs the finished job to its callback, if it has one. */
  void notify(Job job) {
    job.callback()
        .ifPresent(
            url -> {
              HttpRequest request =
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofSeconds(10))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(JobJson.of(job))))
                      .build();
              try {
                HttpResponse<Void> response =
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 300) {
                  LOG.warning("job " + job.id() + ": callback answered " + response.statusCode());
                }
              } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "job " + job.id() + ": callback failed: " + e.getMessage());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  private Set<String> hosts() {
    return Arrays.stream(allowedHosts.orElse("").split(","))
        .map(h -> h.strip().toLowerCase(Locale.ROOT))
        .filter(h -> !h.isEmpty())
        .collect(Collectors.toSet());
  }

  private static SerException notAllowed(String callback) {
    return new SerException(
        "callback_not_allowed",
        "The callback '"
            + callback
            + "' is not an http(s) URL on a host this server may call; an admin lists those in"
            + " ser.jobs.callback-hosts.");
  }
}
