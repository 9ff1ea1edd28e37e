package dev.ser.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API for integrations lives under {@code /api/v1}; its OpenAPI document is /openapi. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "SER: speech emotion recognition",
            version = "1",
            description =
                "Send speech, get which of six emotions it carries (anger, disgust, fear, happy,"
                    + " neutral, sad) and how sure the model is. Errors are JSON {\"error\": code,"
                    + " \"message\": ...}. Live analysis while someone speaks is a WebSocket,"
                    + " ws://HOST/api/v1/live: 16-bit PCM frames in, an update every second and a"
                    + " final result out (docs/live.md in the repository)."))
@SecurityScheme(
    securitySchemeName = "token",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "A personal API token created on the account page.")
public class RestConfiguration extends Application {

  /** No WADL for OPTIONS requests: it would list every resource and name Jersey's version. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
