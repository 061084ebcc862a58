package org.computecap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ShippedScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computecap scenarios list|show NAME|copy NAME DIR}: the scenarios shipped inside the jar.
 * {@code --scenario NAME} runs one from any directory; {@code copy} writes one and its program file
 * into a folder, where it can be edited and run by path.
 */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description = "List, show or copy the scenarios shipped inside computecap.",
    subcommands = {
      ScenariosCommand.ListScenarios.class,
      ScenariosCommand.Show.class,
      ScenariosCommand.Copy.class
    })
final class ScenariosCommand {

  /** The shipped scenario's text; bad input naming the NAME parameter when there is none. */
  static String shipped(String name) {
    try {
      return ShippedScenarios.text(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("NAME: " + e.getMessage(), e);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The shipped scenarios: name, developers, periods, description.")
  static final class ListScenarios implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
      TextTable t = new TextTable("name", "developers", "periods", "description");
      for (String name : ShippedScenarios.names()) {
        Scenario s = ShippedScenarios.load(name);
        t.row(name, s.developerCount(), s.periods(), firstSentence(s.description()));
      }
      PrintWriter out = spec.commandLine().getOut();
      t.print(out);
      out.println("run one with: computecap simulate --scenario NAME");
      out.flush();
      return 0;
    }

    static String firstSentence(String text) {
      String flat = text.replaceAll("\\s+", " ").trim();
      int end = flat.indexOf(". ");
      String sentence = end < 0 ? flat : flat.substring(0, end + 1);
      return sentence.length() <= 90 ? sentence : sentence.substring(0, 87) + "...";
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print a shipped scenario's YAML (its program file too with --program).")
  static final class Show implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "a name from computecap scenarios list")
    private String name;

    @picocli.CommandLine.Option(
        names = "--program",
        description = "Print the program file the scenario names instead.")
    private boolean program;

    @Override
    public Integer call() {
      String text = shipped(name);
      if (program) {
        String file = ShippedScenarios.programFile(name);
        if (file == null) {
          throw new IllegalArgumentException(
              "--program: scenario " + name + " has its program inline; it is in the YAML");
        }
        text = ShippedScenarios.programText(name);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "copy",
      mixinStandardHelpOptions = true,
      description =
          "Write a shipped scenario and its program file into DIR, to edit and run by path.")
  static final class Copy implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "a shipped scenario")
    private String name;

    @Parameters(index = "1", paramLabel = "DIR", description = "folder to write into")
    private Path dir;

    @Override
    public Integer call() throws IOException {
      String text = shipped(name);
      String programFile = ShippedScenarios.programFile(name);
      List<Path> files = new ArrayList<>();
      files.add(dir.resolve(name.endsWith(".yaml") ? name : name + ".yaml"));
      if (programFile != null) {
        files.add(dir.resolve(programFile).normalize());
      }
      for (Path f : files) {
        if (Files.exists(f)) {
          throw new IllegalArgumentException(
              "DIR: " + f + " exists; copy never overwrites a file, choose another folder");
        }
      }
      Files.createDirectories(dir);
      Files.writeString(files.get(0), text, StandardCharsets.UTF_8);
      if (programFile != null) {
        Files.createDirectories(files.get(1).getParent());
        Files.writeString(files.get(1), ShippedScenarios.programText(name), StandardCharsets.UTF_8);
      }
      PrintWriter out = spec.commandLine().getOut();
      files.forEach(f -> out.println("wrote " + f));
      out.println("run it with: computecap simulate --scenario " + files.get(0));
      out.flush();
      return 0;
    }
  }
}
