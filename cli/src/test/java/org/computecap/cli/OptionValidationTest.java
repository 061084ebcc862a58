package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option's bad value is refused before anything runs, with exit code 2 and one line on stderr
 * that names the option: never a page of usage, never a silent default.
 */
class OptionValidationTest {

  static final String AUDIT =
      "analyze audit --price 1 --linear 1 --quadratic 1 --audit-cost 1 --budget 1 --developers 1";
  static final String INSURANCE =
      "analyze insurance --price 1 --alpha 3 --compute 1 --premium-low 1 --premium-high 2"
          + " --manipulation-cost 5";

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        Arguments.of("simulate --threads -1 --replications 2", "--threads"),
        Arguments.of("simulate --threads 0", "--threads"),
        Arguments.of("simulate --replications 0", "--replications"),
        Arguments.of("simulate --set x", "--set"),
        Arguments.of("simulate --set nosuch.field=1", "--set"),
        Arguments.of("simulate --set audit.probabilityPpm=2000000", "--set"),
        Arguments.of("simulate --scenario nosuch", "--scenario"),
        Arguments.of("simulate --seed x", "--seed"),
        Arguments.of("simulate --bogus", "--bogus"),
        Arguments.of("sweep --threads 0", "--threads"),
        Arguments.of("sweep --x audit.probabilityPpm", "--x"),
        Arguments.of("sweep --y penalty.linearCentsPerPermit=a", "--y"),
        Arguments.of("sweep --scenario nosuch", "--scenario"),
        Arguments.of("serve --port 70000", "--port"),
        Arguments.of("serve --port -1", "--port"),
        Arguments.of("serve --demo --demo-rate 0", "--demo-rate"),
        Arguments.of("serve --demo --scenario nosuch", "--scenario"),
        Arguments.of("serve --port 0 --program nosuch", "--program"),
        Arguments.of(
            "serve --port 0 --public-report-delay-periods -1", "--public-report-delay-periods"),
        Arguments.of("serve --port 0 --oidc-issuer http://idp.example", "--oidc-client-id"),
        Arguments.of("serve --port 0 --oidc-client-id cc", "--oidc-issuer"),
        Arguments.of(
            "serve --port 0 --oidc-issuer ftp://idp.example --oidc-client-id cc", "--oidc-issuer"),
        Arguments.of("analyze fig1 --k 0", "--k"),
        Arguments.of("analyze fig1 --points 1", "--points"),
        Arguments.of("analyze sensitivity --a 0", "--a"),
        Arguments.of("analyze sensitivity --b-min 0", "--b-min"),
        Arguments.of("analyze sensitivity --b-min 2 --b-max 1", "--b-max"),
        Arguments.of("analyze equilibrium --population nosuch.csv --cap 1", "--population"),
        Arguments.of(
            "analyze equilibrium --population ../examples/population.csv --cap 0", "--cap"),
        Arguments.of(AUDIT.replace("--price 1", "--price -1"), "--price"),
        Arguments.of(AUDIT.replace("--linear 1", "--linear 0"), "--linear"),
        Arguments.of(AUDIT.replace("--quadratic 1", "--quadratic -1"), "--quadratic"),
        Arguments.of(AUDIT.replace("--audit-cost 1", "--audit-cost -1"), "--audit-cost"),
        Arguments.of(AUDIT.replace("--budget 1", "--budget -1"), "--budget"),
        Arguments.of(AUDIT.replace("--developers 1", "--developers 0"), "--developers"),
        Arguments.of(AUDIT + " --noise-sigma 0", "--noise-sigma"),
        Arguments.of(INSURANCE.replace("--price 1", "--price -1"), "--price"),
        Arguments.of(INSURANCE.replace("--alpha 3", "--alpha 0.5"), "--alpha"),
        Arguments.of(INSURANCE.replace("--compute 1", "--compute -1"), "--compute"),
        Arguments.of(INSURANCE.replace("--premium-low 1", "--premium-low -1"), "--premium-low"),
        Arguments.of(INSURANCE.replace("--premium-high 2", "--premium-high 0.5"), "--premium-high"),
        Arguments.of(
            INSURANCE.replace("--manipulation-cost 5", "--manipulation-cost -5"),
            "--manipulation-cost"),
        Arguments.of("analyze efficiency --price 0.1,-1", "--price"),
        Arguments.of("analyze efficiency --a 0", "--a"),
        Arguments.of("analyze efficiency --k -1", "--k"),
        Arguments.of("analyze efficiency --energy0 -1", "--energy0"),
        Arguments.of("analyze efficiency --kappa -1", "--kappa"),
        Arguments.of("analyze efficiency --phi -1", "--phi"),
        Arguments.of("analyze efficiency --discount-rate -0.1", "--discount-rate"),
        Arguments.of("analyze efficiency --horizon 0", "--horizon"),
        Arguments.of("analyze efficiency --update-share 2", "--update-share"),
        Arguments.of("scenarios show nosuch", "NAME"));
  }

  @ParameterizedTest
  @MethodSource("outOfRange")
  void a_bad_value_exits_2_with_one_line_naming_the_option(String args, String option) {
    CliRun run = CliRun.of(args.split(" "));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as(args).hasSize(1);
    assertThat(run.err()).as(args).contains(option);
  }

  @Test
  void an_output_folder_that_is_a_file_is_refused_naming_the_option(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "keep");
    for (String args :
        List.of(
            "simulate --scenario p1-fig1 --out " + file,
            "sweep --scenario p1-fig1 --out " + file,
            "analyze fig1 --out " + file,
            "serve --port 0 --data " + file)) {
      CliRun run = CliRun.of(args.split(" "));
      assertThat(run.exitCode()).as(args + ": " + run.err()).isEqualTo(2);
      assertThat(run.err().lines().toList()).as(args).hasSize(1);
      assertThat(run.err()).as(args).contains(args.contains("serve") ? "--data" : "--out");
    }
    assertThat(file).hasContent("keep");
  }

  /** Every numeric option of every verb, given a word, names itself in one line. */
  @Test
  void every_numeric_option_refuses_a_word_in_one_line_naming_it() {
    List<String> checked = new ArrayList<>();
    for (CommandLine verb : leaves(Main.commandLine())) {
      CommandSpec spec = verb.getCommandSpec();
      for (OptionSpec o : spec.options()) {
        Class<?> type = o.type();
        boolean numeric =
            type == int.class
                || type == long.class
                || type == double.class
                || Number.class.isAssignableFrom(type);
        if (!numeric) {
          continue;
        }
        List<String> args = new ArrayList<>(List.of(spec.qualifiedName().split(" ")));
        args.remove(0);
        args.add(o.longestName());
        args.add("many");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(args.toString()).isEqualTo(2);
        assertThat(run.err().lines().toList()).as(args.toString()).hasSize(1);
        assertThat(run.err()).as(args.toString()).contains(o.longestName());
        checked.add(args.toString());
      }
    }
    assertThat(checked).hasSizeGreaterThan(20);
  }

  /**
   * Every verb's help renders cleanly: picocli formats descriptions as format strings, so a bare
   * {@code %} ("95% CIs") printed a "[picocli WARN] Could not format" line above the usage; and
   * every option that takes a value shows a label, not picocli's {@code <fieldName>}.
   */
  @Test
  void every_verbs_help_prints_without_a_picocli_warning_or_a_field_name_as_a_label()
      throws Exception {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
    List<String> verbs = new ArrayList<>();
    try {
      System.setErr(new java.io.PrintStream(stderr, true, "UTF-8"));
      for (CommandLine verb : leaves(Main.commandLine())) {
        String usage = verb.getUsageMessage();
        verbs.add(verb.getCommandSpec().qualifiedName());
        assertThat(usage)
            .as(verb.getCommandSpec().qualifiedName())
            .doesNotContainPattern("<[a-z][A-Za-z]*>");
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(stderr.toString("UTF-8")).as("stderr while rendering " + verbs).isEmpty();
    assertThat(verbs).hasSizeGreaterThan(10);
  }

  private static List<CommandLine> leaves(CommandLine c) {
    List<CommandLine> out = new ArrayList<>();
    if (c.getSubcommands().isEmpty()) {
      out.add(c);
    }
    for (CommandLine sub : c.getSubcommands().values()) {
      if (!sub.getCommandName().equals("help")) {
        out.addAll(leaves(sub));
      }
    }
    return out;
  }
}
