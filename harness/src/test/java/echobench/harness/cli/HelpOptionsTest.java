package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command of the tree, found by walking picocli's model from the root (so a subcommand
 * added later is covered without touching this test), prints its usage for {@code --help} and
 * {@code -h} and exits 0; a wrong option still gives one line and exit 2.
 */
class HelpOptionsTest {

  /** The argument paths of every command: [], [run], [bench], [bench, perturb], ... */
  static Stream<List<String>> commandPaths() {
    Map<CommandLine, List<String>> found = new LinkedHashMap<>();
    collect(new CommandLine(new EchoBench()), List.of(), found);
    return found.values().stream();
  }

  private static void collect(CommandLine command, List<String> path,
      Map<CommandLine, List<String>> found) {
    if (found.containsKey(command)) {
      return; // an alias of a command already listed
    }
    found.put(command, path);
    command.getSubcommands().forEach((name, sub) -> {
      if (name.equals(sub.getCommandName())) {
        List<String> longer = new ArrayList<>(path);
        longer.add(name);
        collect(sub, longer, found);
      }
    });
  }

  @ParameterizedTest
  @MethodSource("commandPaths")
  void helpPrintsUsageAndExitsZero(List<String> path) {
    for (String flag : List.of("--help", "-h")) {
      List<String> args = new ArrayList<>(path);
      args.add(flag);
      CommandLineCapture help = CommandLineCapture.run(args.toArray(String[]::new));

      assertThat(help.exitCode()).as("%s: %s", args, help.err()).isZero();
      assertThat(help.err()).as("%s", args).isEmpty();
      assertThat(help.out()).as("%s", args)
          .contains("Usage: " + String.join(" ", prefixed(path)) + " ")
          .contains("-h, --help");
    }
  }

  /** Every command but picocli's {@code help}, which takes any word as the command to explain. */
  static Stream<List<String>> commandsWithOptions() {
    return commandPaths().filter(path -> !path.equals(List.of("help")));
  }

  @ParameterizedTest
  @MethodSource("commandsWithOptions")
  void anUnknownOptionIsOneLineAndExitTwo(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--no-such-option");
    CommandLineCapture wrong = CommandLineCapture.run(args.toArray(String[]::new));

    assertThat(wrong.exitCode()).as("%s", args).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(wrong.out()).isEmpty();
    assertThat(wrong.errLines()).as("%s", args).hasSize(1);
    assertThat(wrong.errLines().get(0)).contains("--no-such-option");
  }

  @org.junit.jupiter.api.Test
  void theTreeHoldsTheNestedBenchCommands() {
    assertThat(commandPaths()).contains(List.of("bench", "perturb"), List.of("bench", "models"),
        List.of("run"), List.of("gate"));
  }

  private static List<String> prefixed(List<String> path) {
    List<String> words = new ArrayList<>(List.of("echobench"));
    words.addAll(path);
    return words;
  }
}
