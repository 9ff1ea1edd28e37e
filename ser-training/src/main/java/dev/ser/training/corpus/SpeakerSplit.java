package dev.ser.training.corpus;

import dev.ser.domain.emotion.Emotion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Clips divided by speaker into training and validation: no validation speaker has a clip in
 * training, so validation measures how the model does on voices it never heard.
 *
 * @param train the training clips, in the order they were given
 * @param validation the validation clips, in the order they were given
 */
public record SpeakerSplit(List<Clip> train, List<Clip> validation) {

  /** Which side of the split. */
  public enum Part {
    TRAIN,
    VALIDATION
  }

  public SpeakerSplit {
    train = List.copyOf(train);
    validation = List.copyOf(validation);
    Set<String> shared = speakers(train);
    shared.retainAll(speakers(validation));
    if (!shared.isEmpty()) {
      throw new IllegalArgumentException("speakers in both training and validation: " + shared);
    }
  }

  /**
   * Puts the named speakers' clips in validation and the rest in training.
   *
   * @param validationSpeakers speaker ids as the importers write them, e.g. {@code ravdess:17}
   * @throws CorpusException when a named speaker has no clip (a typo would otherwise silently
   *     validate on nothing)
   */
  public static SpeakerSplit bySpeakers(List<Clip> clips, Collection<String> validationSpeakers) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String speaker : validationSpeakers) {
      String name = speaker.trim();
      if (name.endsWith(":*")) {
        String corpus = name.substring(0, name.length() - 2);
        List<String> all =
            clips.stream().filter(c -> c.corpus().equals(corpus)).map(Clip::speaker).toList();
        if (all.isEmpty()) {
          throw new CorpusException("no clips of corpus '" + corpus + "' to hold out");
        }
        wanted.addAll(all);
      } else if (!name.isEmpty()) {
        wanted.add(name);
      }
    }
    if (wanted.isEmpty()) {
      throw new CorpusException("no validation speakers named");
    }
    Set<String> unknown = new TreeSet<>(wanted);
    unknown.removeAll(speakers(clips));
    if (!unknown.isEmpty()) {
      throw new CorpusException(
          "validation speakers with no clips: "
              + unknown
              + "; speakers are written like "
              + clips.stream().map(Clip::speaker).distinct().limit(3).toList());
    }
    return partition(clips, wanted);
  }

  /**
   * {@link #bySpeakers(List, Collection)} with the speakers comma-separated, as on a command line;
   * {@code CORPUS:*} names every speaker of a corpus (leave-one-corpus-out).
   */
  public static SpeakerSplit bySpeakers(List<Clip> clips, String commaSeparatedSpeakers) {
    return bySpeakers(clips, Arrays.asList(commaSeparatedSpeakers.split(",")));
  }

  /**
   * Picks {@code round(fraction × speakers)} validation speakers in each corpus (at least one, and
   * at least one left for training; a corpus of one speaker stays wholly in training). Within a
   * corpus the speakers are drawn alternately from each gender, starting with the larger group, so
   * validation is as gender-balanced as the corpus allows. The same clips and seed give the same
   * split.
   *
   * @param fraction of each corpus's speakers, in (0, 1)
   * @param seed of the draw
   */
  public static SpeakerSplit byFraction(List<Clip> clips, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new CorpusException("validation fraction must be in (0, 1), not " + fraction);
    }
    Map<String, Map<Gender, Set<String>>> speakersByCorpus = speakersByCorpusAndGender(clips);
    Set<String> validation = new HashSet<>();
    speakersByCorpus.forEach(
        (corpus, byGender) ->
            validation.addAll(draw(byGender, fraction, new Random(31 * seed + corpus.hashCode()))));
    return partition(clips, validation);
  }

  /**
   * Every speaker in exactly one of {@code k} folds, for cross-validation: within each corpus the
   * speakers are shuffled by {@code seed}, ordered alternately from each gender (the larger group
   * first) and dealt to the folds in turn, so each fold holds about 1/k of every corpus's speakers
   * with both genders where the corpus has them. The same clips and seed give the same folds.
   *
   * @return the validation speakers of each fold
   */
  public static List<Set<String>> folds(List<Clip> clips, int k, long seed) {
    if (k < 2) {
      throw new CorpusException("cross-validation needs at least 2 folds, not " + k);
    }
    Map<String, Map<Gender, Set<String>>> speakersByCorpus = speakersByCorpusAndGender(clips);
    List<Set<String>> folds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      folds.add(new TreeSet<>());
    }
    int next = 0;
    for (Map.Entry<String, Map<Gender, Set<String>>> corpus : speakersByCorpus.entrySet()) {
      Map<Gender, Set<String>> byGender = corpus.getValue();
      int speakers = byGender.values().stream().mapToInt(Set::size).sum();
      if (speakers < k) {
        throw new CorpusException(
            corpus.getKey() + " has " + speakers + " speakers, fewer than " + k + " folds");
      }
      Random random = new Random(31 * seed + corpus.getKey().hashCode());
      // Continue dealing where the last corpus stopped, so the folds stay about equal in size.
      for (String speaker : draw(byGender, 1.0, random)) {
        folds.get(next++ % k).add(speaker);
      }
    }
    return folds;
  }

  /** Each corpus's speakers by gender, corpora and speakers in sorted order. */
  private static Map<String, Map<Gender, Set<String>>> speakersByCorpusAndGender(List<Clip> clips) {
    Map<String, Map<Gender, Set<String>>> speakersByCorpus = new TreeMap<>();
    for (Clip clip : clips) {
      speakersByCorpus
          .computeIfAbsent(clip.corpus(), c -> new EnumMap<>(Gender.class))
          .computeIfAbsent(clip.gender(), g -> new TreeSet<>())
          .add(clip.speaker());
    }
    return speakersByCorpus;
  }

  public Set<String> trainSpeakers() {
    return Collections.unmodifiableSet(speakers(train));
  }

  public Set<String> validationSpeakers() {
    return Collections.unmodifiableSet(speakers(validation));
  }

  /** The number of clips of {@code emotion} from {@code corpus} on one side of the split. */
  public int count(String corpus, Part part, Emotion emotion) {
    return (int)
        clips(part).stream()
            .filter(c -> c.corpus().equals(corpus) && c.emotion() == emotion)
            .count();
  }

  public List<Clip> clips(Part part) {
    return part == Part.TRAIN ? train : validation;
  }

  /**
   * Clips per corpus, side and emotion, one row per corpus and side, e.g.
   *
   * <pre>
   * corpus   part        speakers  anger  disgust  fear  happy  neutral  sad  total
   * ravdess  train             16    128      128   128    128      192  128    832
   * ravdess  validation         4     32       32    32     32       48   32    208
   * </pre>
   *
   * followed by the validation speakers.
   */
  public String countsTable() {
    Set<String> corpora = new TreeSet<>();
    train.forEach(c -> corpora.add(c.corpus()));
    validation.forEach(c -> corpora.add(c.corpus()));
    int corpusWidth = Math.max(6, corpora.stream().mapToInt(String::length).max().orElse(0));
    StringBuilder table = new StringBuilder();
    table.append(String.format("%-" + corpusWidth + "s  %-10s  %8s", "corpus", "part", "speakers"));
    for (Emotion emotion : Emotion.values()) {
      table.append(String.format("  %7s", emotion.label()));
    }
    table.append(String.format("  %7s%n", "total"));
    for (String corpus : corpora) {
      for (Part part : Part.values()) {
        List<Clip> rows = clips(part).stream().filter(c -> c.corpus().equals(corpus)).toList();
        table.append(
            String.format(
                "%-" + corpusWidth + "s  %-10s  %8d",
                corpus,
                part.name().toLowerCase(Locale.ROOT),
                speakers(rows).size()));
        for (Emotion emotion : Emotion.values()) {
          table.append(String.format("  %7d", count(corpus, part, emotion)));
        }
        table.append(String.format("  %7d%n", rows.size()));
      }
    }
    table.append("validation speakers: ");
    table.append(
        validationSpeakers().isEmpty()
            ? "none"
            : String.join(", ", new TreeSet<>(validationSpeakers())));
    return table.append(System.lineSeparator()).toString();
  }

  private static List<String> draw(
      Map<Gender, Set<String>> byGender, double fraction, Random random) {
    int speakers = byGender.values().stream().mapToInt(Set::size).sum();
    if (speakers < 2) {
      return List.of();
    }
    int wanted =
        fraction >= 1
            ? speakers
            : (int) Math.max(1, Math.min(speakers - 1, Math.round(fraction * speakers)));
    List<List<String>> groups = new ArrayList<>();
    byGender.values().forEach(names -> groups.add(new ArrayList<>(names)));
    groups.forEach(group -> Collections.shuffle(group, random));
    groups.sort(Comparator.comparingInt((List<String> g) -> g.size()).reversed());
    List<String> drawn = new ArrayList<>();
    for (int round = 0; drawn.size() < wanted; round++) {
      for (List<String> group : groups) {
        if (round < group.size() && drawn.size() < wanted) {
          drawn.add(group.get(round));
        }
      }
    }
    return drawn;
  }

  private static SpeakerSplit partition(List<Clip> clips, Set<String> validationSpeakers) {
    Map<Boolean, List<Clip>> sides =
        clips.stream()
            .collect(Collectors.partitioningBy(c -> validationSpeakers.contains(c.speaker())));
    return new SpeakerSplit(sides.get(false), sides.get(true));
  }

  private static Set<String> speakers(List<Clip> clips) {
    return clips.stream().map(Clip::speaker).collect(Collectors.toCollection(HashSet::new));
  }
}
