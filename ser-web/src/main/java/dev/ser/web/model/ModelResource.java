package dev.ser.web.model;

import dev.ser.inference.ModelCard;
import dev.ser.inference.ModelException;
import dev.ser.web.analysis.Pipeline;
import dev.ser.web.error.ErrorJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /api/v1/model}: the model card of the model answering this server's predictions. */
@Path("model")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ModelResource {
  @Inject Pipeline pipeline;

  /**
   * The model card as the API shows it.
   *
   * @param version shown with every prediction
   * @param labels the six emotions in output order
   * @param architecture the network, in a paragraph
   * @param licence what the weights may be used for
   * @param validation per held-out corpus: clips, accuracy, unweighted accuracy, recall, confusion
   * @param trainingCorpora corpus name to what was used from it
   */
  public record ModelJson(
      String version,
      List<String> labels,
      String architecture,
      String licence,
      Map<String, ModelCard.Metrics> validation,
      Map<String, String> trainingCorpora) {}

  @GET
  @Operation(
      operationId = "getModel",
      summary = "The model card: version, labels, metrics, licence")
  @APIResponse(
      responseCode = "200",
      description = "the model that answers",
      content = @Content(schema = @Schema(implementation = ModelJson.class)))
  @APIResponse(
      responseCode = "503",
      description = "model_unavailable: the model could not be loaded",
      content = @Content(schema = @Schema(implementation = ErrorJson.class)))
  public ModelJson get() {
    ModelCard card =
        pipeline
            .card()
            .orElseThrow(
                () ->
                    new ModelException(
                        "model_unavailable", "no model is loaded on this server right now"));
    return new ModelJson(
        card.version(),
        card.labels(),
        card.architecture(),
        card.licence(),
        card.validation(),
        card.training() == null ? Map.of() : card.training().corpora());
  }
}
