package dev.ser.training.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code ./ser}: dispatches a subcommand. A command returns its exit status; an
 * {@link UsageException} or any {@link RuntimeException} becomes one line on stderr, never a stack
 * trace (set {@code SER_DEBUG=1} for one).
 */
public final class Main {

  /** One subcommand of {@code ./ser}. */
  public interface Command {
    String summary();

    int run(String[] args, PrintStream out) throws Exception;
  }

  /** A command line that does not make sense; printed with the command's usage. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }

  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("features", new FeaturesCommand());
    COMMANDS.put("bench", new BenchCommand());
    COMMANDS.put("evaluate", new EvaluateCommand());
    COMMANDS.put("train", new TrainCommand());
    COMMANDS.put("predict", new PredictCommand());
    COMMANDS.put("speech", new dev.ser.training.speech.SpeechCommand());
    COMMANDS.put("fuzz", new dev.ser.training.fuzz.HttpFuzz());
  }

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("help")) {
      out.println("usage: ./ser COMMAND [ARGS]");
      COMMANDS.forEach((name, command) -> out.printf("  %-10s %s%n", name, command.summary()));
      return 0;
    }
    Command command = COMMANDS.get(args[0]);
    if (command == null) {
      err.println("ser: unknown command '" + args[0] + "' (try ./ser help)");
      return 2;
    }
    try {
      return command.run(Arrays.copyOfRange(args, 1, args.length), out);
    } catch (UsageException e) {
      err.println("ser " + args[0] + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      if (System.getenv("SER_DEBUG") != null) {
        e.printStackTrace(err);
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      err.println("ser " + args[0] + ": " + message.replace('\n', ' '));
      return 1;
    }
  }
}
