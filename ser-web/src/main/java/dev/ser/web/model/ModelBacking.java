package dev.ser.web.model;

import dev.ser.inference.ModelCard;
import dev.ser.web.analysis.Pipeline;
import dev.ser.web.picture.ConfusionMatrixSvg;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** The model page: the card of the loaded model, with a confusion matrix per validation corpus. */
@Named
@RequestScoped
public class ModelBacking {
  @Inject Pipeline pipeline;

  /** One validation corpus as the page shows it. */
  public record Validation(
      String corpus, int clips, double accuracy, double unweightedAccuracy, String confusionSvg) {}

  public boolean isLoaded() {
    return pipeline.card().isPresent();
  }

  public ModelCard getCard() {
    return pipeline.card().orElse(null);
  }

  public List<Validation> getValidations() {
    return pipeline
        .card()
        .map(
            card ->
                card.validation().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(
                        e ->
                            new Validation(
                                e.getKey(),
                                e.getValue().clips(),
                                e.getValue().accuracy(),
                                e.getValue().unweightedAccuracy(),
                                ConfusionMatrixSvg.render(card.labels(), e.getValue().confusion())))
                    .toList())
        .orElse(List.of());
  }

  public List<Map.Entry<String, String>> getCorpora() {
    return pipeline
        .card()
        .filter(card -> card.training() != null)
        .map(card -> List.copyOf(card.training().corpora().entrySet()))
        .orElse(List.of());
  }
}
