package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.Calibration;
import dev.ser.inference.ModelCard;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code MODEL_CARD.md}: the model card for people, written from the same {@link ModelCard}. */
final class ModelCardText {
  private ModelCardText() {}

  static String markdown(ModelCard card) {
    StringBuilder md = new StringBuilder();
    md.append("# SER emotion model ").append(card.version()).append("\n\n");
    md.append("**Licence: ").append(card.licence()).append("**\n\n");
    md.append("## What it does\n\n");
    md.append("Classifies speech into ")
        .append(String.join(", ", card.labels()))
        .append(" (output order). It reads windows of ")
        .append(card.windowFrames())
        .append(" frames (3 s); longer audio is read every ")
        .append(card.hopFrames())
        .append(" frames (1 s) and the window probabilities are averaged; clips shorter than ")
        .append(card.minFrames())
        .append(" frames (0.5 s) are refused.\n\n");
    md.append("## Limits\n\n").append(limits(card.training().corpora().keySet())).append("\n\n");
    md.append("## Input\n\n");
    md.append("Features: `").append(card.featureSpec()).append("`\n\n");
    md.append(
        "Signature `serving_default`: `logmel` float [n, 300, n_mels] (dB, time-major), `frames`"
            + " float [n, 300, n_mfcc + 2] (MFCC, ZCR, log10(max(rms, 1e-5))), `mask` float [n,"
            + " 300] (1 = audio, 0 = padding) -> `probabilities` float [n, 6]. Per-feature"
            + " normalisation (training-set mean and standard deviation, in model-card.json) is"
            + " inside the graph.\n\n");
    md.append("## Architecture\n\n").append(card.architecture()).append("\n\n");
    ModelCard.Training training = card.training();
    md.append("## Training\n\n");
    md.append("Command (reproduces this model from the committed code):\n\n```\n")
        .append(training.command())
        .append("\n```\n\n");
    md.append("Seed ")
        .append(training.seed())
        .append("; ")
        .append(training.epochs())
        .append(" epochs run; kept: ")
        .append(training.keptWeights())
        .append(
            training.validationSpeakers().isEmpty()
                ? " (no epoch chosen: every speaker trained); "
                : " (chosen by the mean of the per-corpus validation UAs); ")
        .append(String.format(Locale.ROOT, "%.0f", training.seconds()))
        .append(" s of training on 2 shared CPU cores.\n\n");
    md.append("Corpora:\n\n");
    training
        .corpora()
        .forEach(
            (name, text) ->
                md.append("- **").append(name).append("**: ").append(text).append('\n'));
    md.append("\nSplit by speaker; validation speakers were never trained on.\n\n");
    md.append("- train: ").append(String.join(" ", training.trainSpeakers())).append('\n');
    md.append("- validation: ")
        .append(String.join(" ", training.validationSpeakers()))
        .append("\n\n");
    md.append("Training clips per corpus and label:\n\n");
    training
        .classCounts()
        .forEach(
            (corpus, counts) ->
                md.append("- ").append(corpus).append(": ").append(counts).append('\n'));
    crossValidation(card, md);
    if (!card.validation().isEmpty()) {
      md.append("\n## Validation (held-out speakers, clip level)\n\n");
    }
    for (Map.Entry<String, ModelCard.Metrics> entry : card.validation().entrySet()) {
      ModelCard.Metrics m = entry.getValue();
      md.append("### ").append(entry.getKey()).append("\n\n");
      md.append(
          String.format(
              Locale.ROOT,
              "%d clips: accuracy %.1f %%, unweighted accuracy (UA, mean recall of the classes"
                  + " present) %.1f %%%n%n",
              m.clips(),
              100 * m.accuracy(),
              100 * m.unweightedAccuracy()));
      md.append("| true \\ predicted |");
      for (Emotion e : Emotion.values()) {
        md.append(' ').append(e.label()).append(" |");
      }
      md.append(" recall |\n|---|");
      md.append("---|".repeat(Emotion.count() + 1)).append('\n');
      for (Emotion e : Emotion.values()) {
        Double recall = m.recall().get(e.label());
        if (recall == null) {
          continue;
        }
        md.append("| ").append(e.label()).append(" |");
        for (int p = 0; p < Emotion.count(); p++) {
          md.append(' ').append(m.confusion()[e.ordinal()][p]).append(" |");
        }
        md.append(String.format(Locale.ROOT, " %.1f %% |%n", 100 * recall));
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** What the corpora trained on leave out. */
  static String limits(Set<String> corpora) {
    if (Set.of("ravdess", "nemo").containsAll(corpora)) {
      return "Trained on ACTED speech (professional actors reading fixed sentences in a studio),"
          + " in English (RAVDESS) and Polish (nEMO). Spontaneous speech, other languages, noisy"
          + " rooms, children and elderly voices are outside what it has seen, and acted"
          + " emotions are more intense than everyday ones: expect lower accuracy there. nEMO"
          + " has no disgust, so disgust is learned from RAVDESS alone. Do not use it to make"
          + " decisions about people.";
    }
    return "Trained on "
        + corpora.size()
        + " corpora ("
        + String.join(", ", new TreeSet<>(corpora))
        + "), mostly ACTED speech: actors reading fixed sentences in English, Polish, Amharic and"
        + " Korean; only URDU-Dataset is unscripted (TV talk shows). Everyday speech is less"
        + " intense than acting, and noisy rooms, children, elderly voices and languages not"
        + " listed are outside what it has seen: expect lower accuracy there, and on corpora it"
        + " has not heard at all expect less than the cross-validation below (which holds out"
        + " speakers, not whole corpora). Disgust is in RAVDESS alone (20 actors, English), so"
        + " it is the class learned from the fewest voices; fear is in three corpora, anger,"
        + " happy, neutral and sad in all five. Do not use it to make decisions about people.";
  }

  /** The cross-validation estimates and the calibration fitted on the same held-out clips. */
  private static void crossValidation(ModelCard card, StringBuilder md) {
    if (card.crossValidation().isEmpty()) {
      return;
    }
    md.append("\n## What to expect on new speakers (cross-validation)\n\n");
    md.append(
        "Every speaker held out once; each fold's model is the same recipe (weight average, no"
            + " epoch chosen on the held-out voices). UA = mean recall of the classes a corpus"
            + " has.\n\n");
    md.append(CrossValidation.table(new TreeMap<>(card.crossValidation())));
    Calibration calibration = card.calibration();
    if (calibration.clips() > 0) {
      md.append(
          String.format(
              Locale.ROOT,
              "%nCalibration: temperature %.3f fitted on the %d held-out clips (serving divides"
                  + " the logits by it); expected calibration error %.3f before, %.3f after.%n",
              calibration.temperature(),
              calibration.clips(),
              calibration.eceBefore(),
              calibration.eceAfter()));
    }
  }
}
