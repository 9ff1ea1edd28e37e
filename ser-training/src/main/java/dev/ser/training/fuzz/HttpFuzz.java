package dev.ser.training.fuzz;

import dev.ser.audio.decode.fuzz.Mutant;
import dev.ser.audio.decode.fuzz.Mutator;
import dev.ser.audio.decode.fuzz.SeedFormat;
import dev.ser.storage.recording.Consistency;
import dev.ser.training.bench.BenchOptions;
import dev.ser.training.bench.HttpBench;
import dev.ser.training.bench.Repository;
import dev.ser.training.bench.ServerUnderTest;
import dev.ser.training.bench.StoreCheck;
import dev.ser.training.cli.Main;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./ser fuzz http [--url URL] [--files 10000] [--seed N] [--clients 4] [--corpus DIR]
 * [--data-dir DIR]}: sends {@code --files} mutants of the six seed formats ({@link Mutator}, the
 * run fully set by {@code --seed}) to {@code POST /api/v1/predictions} from several clients,
 * alternating multipart and raw uploads, and holds every answer to {@link Answer}'s rules. Then the
 * server must still answer {@code /health/ready} with 200, and the store must hold exactly one
 * prediction, recording and blob per 201 and nothing half-stored. Every input whose answer broke a
 * rule is written to the corpus folder with a note of why. Exits 1 on any failure.
 *
 * <p>Starts {@code ./ser serve} (with the per-client analysis limit raised) when nothing answers at
 * the URL, as {@code ./ser bench http} does.
 */
public final class HttpFuzz implements Main.Command {
  private static final List<String> OPTIONS =
      List.of("url", "files", "seed", "clients", "corpus", "data-dir");
  private static final int DEFAULT_FILES = 10_000;
  private static final int DEFAULT_SEED = 1;
  private static final int DEFAULT_CLIENTS = 4;
  private static final int ANONYMOUS_LIMIT = 4;
  private static final int PROGRESS_EVERY = 1000;
  private static final int WARM_UP_ROUNDS = 3;

  @Override
  public String summary() {
    return "http [--url URL] [--files 10000] [--seed N] [--clients 4] [--corpus DIR]:"
        + " mutated WAV/MP3/M4A/WebM/Ogg/FLAC uploads; no 5xx, no hang, nothing half-stored";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    if (args.length == 0 || !args[0].equals("http")) {
      throw new Main.UsageException("usage: ./ser fuzz " + summary());
    }
    BenchOptions options = BenchOptions.parse(Arrays.copyOfRange(args, 1, args.length), OPTIONS);
    URI url = options.url();
    int files = options.positive("files", DEFAULT_FILES, 10_000_000);
    int seed = options.positive("seed", DEFAULT_SEED, Integer.MAX_VALUE);
    int clients = options.positive("clients", DEFAULT_CLIENTS, 64);
    Path corpus =
        options
            .path("corpus")
            .orElse(Repository.root().resolve("target").resolve("fuzz-crashers"))
            .toAbsolutePath();

    Optional<ServerUnderTest> running =
        ServerUnderTest.attach(url, options.dataDirOfRunningServer());
    try (ServerUnderTest server =
        running.isPresent() ? running.get() : ServerUnderTest.start(Repository.root(), url, out)) {
      out.printf(
          Locale.ROOT,
          "fuzz: %s; %d mutants of seed %d from %d clients, multipart and raw in turn%n",
          server.describe(),
          files,
          seed,
          clients);
      if (!server.startedHere() && clients > ANONYMOUS_LIMIT) {
        out.printf(
            "note: unless this server runs with SER_ANALYSIS_MAX_CONCURRENT_PER_CLIENT above %d,"
                + " some answers are 429%n",
            ANONYMOUS_LIMIT);
      }
      try (StoreCheck storage = StoreCheck.open(server.dataDir())) {
        Consistency before = storage.check();
        Mutator mutator = new Mutator(seed);
        Uploader uploader = new Uploader(url);
        long warmUpCreated = warmUp(uploader, clients, out);
        FuzzSummary summary = new FuzzSummary();
        List<Failure> failures = new ArrayList<>();
        long started = System.nanoTime();
        fuzz(uploader, mutator, files, clients, summary, failures, out);
        double seconds = (System.nanoTime() - started) / 1e9;

        out.printf(
            Locale.ROOT,
            "%n%d files in %.0f s (%.1f/s); answers by seed format (ms from send to answer):%n",
            summary.files(),
            seconds,
            summary.files() / seconds);
        summary.print(out);
        out.println();

        boolean ready =
            ServerUnderTest.readyStatus(url).filter(status -> status == 200).isPresent();
        out.println("/health/ready afterwards: " + (ready ? "200, OK" : "NOT 200"));
        Consistency after = storage.check();
        boolean consistent =
            HttpBench.printConsistency(before, after, warmUpCreated + summary.created(), out);
        if (!failures.isEmpty()) {
          keep(failures, corpus, uploader, out);
        }
        boolean passed = failures.isEmpty() && ready && consistent;
        out.println(
            passed
                ? "PASSED: no 5xx, no hang over 2 s, no malformed error, nothing half-stored"
                : "FAILED: "
                    + failures.size()
                    + " inputs broke a rule"
                    + (ready ? "" : "; not ready")
                    + (consistent ? "" : "; store mismatch"));
        return passed ? 0 : 1;
      }
    }
  }

  /** One input whose answer broke a rule. */
  private record Failure(Mutant mutant, String problem) {}

  private static void fuzz(
      Uploader uploader,
      Mutator mutator,
      int files,
      int clients,
      FuzzSummary summary,
      List<Failure> failures,
      PrintStream out)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < files; i = next.getAndIncrement()) {
                  Mutant mutant = mutator.mutant(i);
                  Answer answer;
                  try {
                    answer = uploader.send(mutant);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  synchronized (summary) {
                    summary.add(mutant.format(), answer);
                    answer.problem().ifPresent(p -> failures.add(new Failure(mutant, p)));
                    if (summary.files() % PROGRESS_EVERY == 0) {
                      out.printf(
                          Locale.ROOT,
                          "  %d sent, %d rule breaks so far%n",
                          summary.files(),
                          failures.size());
                    }
                  }
                }
              },
              "fuzz-client-" + (c + 1));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /**
   * Sends each seed file unchanged, {@value #WARM_UP_ROUNDS} times from every client, before the
   * run: the first requests of a fresh server pay for class loading, JIT and the model's first
   * session runs, which would otherwise be charged to whichever mutants come first. Returns the
   * 201s, which the store check counts too.
   */
  private static long warmUp(Uploader uploader, int clients, PrintStream out)
      throws InterruptedException {
    long created = 0;
    int sent = 0;
    long started = System.nanoTime();
    for (int round = 0; round < WARM_UP_ROUNDS * clients; round++) {
      for (SeedFormat format : SeedFormat.values()) {
        Uploader.Transport transport = Uploader.Transport.values()[sent++ % 2];
        String name = "speech_16k." + format.extension();
        if (uploader.send(name, format, format.bytes(), transport).status() == 201) {
          created++;
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "warm-up: %d unchanged seed files in %.0f s, %d answered 201; not in the table%n",
        sent,
        (System.nanoTime() - started) / 1e9,
        created);
    return created;
  }

  /**
   * Writes each failing input and a note of what it got, for the regression corpus. Each is sent
   * once more on its own, so the note tells an input that is slow by itself from one that waited
   * behind others on a busy machine.
   */
  private static void keep(List<Failure> failures, Path corpus, Uploader uploader, PrintStream out)
      throws IOException, InterruptedException {
    Files.createDirectories(corpus);
    out.printf("%d inputs broke a rule; kept in %s:%n", failures.size(), corpus);
    for (Failure failure : failures) {
      Mutant mutant = failure.mutant();
      Files.write(corpus.resolve(mutant.fileName()), mutant.bytes());
      Answer alone = uploader.send(mutant);
      String note =
          String.format(
              Locale.ROOT,
              "%s sent %s: %s; alone again: %s in %.0f ms%n",
              mutant.fileName(),
              Uploader.Transport.of(mutant),
              failure.problem(),
              alone.outcome(),
              alone.millis());
      Files.writeString(corpus.resolve(mutant.fileName() + ".txt"), note, StandardCharsets.UTF_8);
      out.print("  " + note);
    }
  }
}
