package org.computecap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.computecap.economics.stability.StabilityReserveRule;
import org.computecap.economics.stability.StabilityReserveRule.Action;
import org.computecap.economics.stability.StabilityReserveRule.Settlement;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze msr}: the stability reserve's answer for one TNAC, or for a {@code year,tnac}
 * series, under a rule whose every field defaults to the EU's (issue 14). Every number comes from
 * {@link StabilityReserveRule}; this class reads options and files and prints. A series is read and
 * computed whole before anything is written, and {@code --out} is replaced in one atomic move, so
 * bad input never leaves a half-written file.
 */
@Command(
    name = "msr",
    mixinStandardHelpOptions = true,
    description =
        "Stability reserve (EU MSR type, issue 14): intake and release for a TNAC or a"
            + " year,tnac series; the rule defaults to the EU's.")
final class AnalyzeMsr implements Callable<Integer> {

  static final String CSV_HEADER = "year,tnac,intake,release";

  @Spec private CommandSpec spec;

  static final class Input {
    @Option(
        names = "--tnac",
        paramLabel = "N",
        description = "Total number of permits in circulation, whole permits in [0, 10^15].")
    private Long tnac;

    @Option(
        names = "--tnac-csv",
        paramLabel = "FILE",
        description = "CSV with columns year,tnac; prints year,tnac,intake,release per row.")
    private Path csv;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Input input;

  @Option(
      names = "--reserve",
      paramLabel = "N",
      description =
          "Permits the reserve holds before acting (with --tnac only): caps the release and"
              + " shows the invalidation. Without it the reserve is assumed to hold the release"
              + " volume.")
  private Long reserve;

  @Option(
      names = "--upper-threshold",
      paramLabel = "N",
      defaultValue = "1096000000",
      description = "Above it intake is the rate times TNAC (default: ${DEFAULT-VALUE}).")
  private long upperThreshold;

  @Option(
      names = "--lower-threshold",
      paramLabel = "N",
      defaultValue = "833000000",
      description =
          "Above it, up to the upper threshold, intake is TNAC minus it (default:"
              + " ${DEFAULT-VALUE}).")
  private long lowerThreshold;

  @Option(
      names = "--intake-rate-ppm",
      paramLabel = "PPM",
      defaultValue = "240000",
      description =
          "Share of TNAC taken in above the upper threshold, ppm (default: ${DEFAULT-VALUE}, 24%%).")
  private long intakeRatePpm;

  @Option(
      names = "--release-threshold",
      paramLabel = "N",
      defaultValue = "400000000",
      description = "Below it the reserve releases (default: ${DEFAULT-VALUE}).")
  private long releaseThreshold;

  @Option(
      names = "--release-volume",
      paramLabel = "N",
      defaultValue = "100000000",
      description = "Permits one release puts into auctions (default: ${DEFAULT-VALUE}).")
  private long releaseVolume;

  @Option(
      names = "--invalidation-limit",
      paramLabel = "N|none",
      defaultValue = "400000000",
      description = "Reserve holdings above it are invalidated; none: never (default: 400000000).")
  private String invalidationLimit;

  @Option(names = "--out", paramLabel = "FILE", description = "With --tnac-csv: write FILE.")
  private Path out;

  @Option(names = "--json", description = "With --tnac: print JSON instead of text.")
  private boolean json;

  private static final Map<String, String> OPTION_OF_PARAMETER =
      Map.of(
          "upperThresholdPermits", "--upper-threshold",
          "lowerThresholdPermits", "--lower-threshold",
          "intakeRatePpm", "--intake-rate-ppm",
          "releaseThresholdPermits", "--release-threshold",
          "releaseVolumePermits", "--release-volume",
          "invalidationLimitPermits", "--invalidation-limit");

  @Override
  public Integer call() throws IOException {
    StabilityReserveRule rule = rule();
    if (input.csv != null) {
      onlyWithTnac("--json", json);
      onlyWithTnac("--reserve", reserve != null);
      return series(rule, input.csv);
    }
    if (out != null) {
      throw new IllegalArgumentException("--out: only with --tnac-csv (--tnac prints its answer)");
    }
    OptionChecks.within("--tnac", input.tnac, 0, StabilityReserveRule.MAX_PERMITS);
    if (reserve != null) {
      OptionChecks.within("--reserve", reserve, 0, StabilityReserveRule.MAX_PERMITS);
    }
    return single(rule, input.tnac);
  }

  private StabilityReserveRule rule() {
    OptionalLong limit = invalidationLimit();
    try {
      return new StabilityReserveRule(
          upperThreshold, lowerThreshold, intakeRatePpm, releaseThreshold, releaseVolume, limit);
    } catch (IllegalArgumentException e) {
      throw OptionNames.named(e, OPTION_OF_PARAMETER);
    }
  }

  private OptionalLong invalidationLimit() {
    String text = invalidationLimit.trim();
    if (text.toLowerCase(Locale.ROOT).equals("none")) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--invalidation-limit must be a whole number of permits >= 0 or none, was '"
              + text
              + "'");
    }
  }

  private static void onlyWithTnac(String option, boolean given) {
    if (given) {
      throw new IllegalArgumentException(
          option + ": only with --tnac (--tnac-csv writes one CSV row per year)");
    }
  }

  private int single(StabilityReserveRule rule, long tnac) {
    Action action = rule.action(tnac);
    Settlement settled = reserve == null ? null : rule.settle(tnac, reserve);
    if (settled != null) {
      action = settled.action();
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      Json.print(stdout, toJson(rule, tnac, action, settled));
      return 0;
    }
    stdout.println("Stability reserve, TNAC = " + permits(tnac));
    stdout.println("band:        " + describe(rule, action.band()));
    stdout.println("intake:      " + permits(action.intakePermits()) + " (withheld from auctions)");
    stdout.println("release:     " + permits(action.releasePermits()) + " (added to auctions)");
    if (settled == null) {
      if (action.band() == StabilityReserveRule.Band.RELEASE) {
        stdout.println("             (assumes the reserve holds it; --reserve N caps it)");
      }
    } else {
      stdout.println("reserve:     " + permits(reserve) + " before");
      stdout.println("invalidated: " + permits(settled.invalidatedPermits()) + limitNote(rule));
      stdout.println("reserve:     " + permits(settled.reserveAfterPermits()) + " after");
    }
    stdout.flush();
    return 0;
  }

  private static String limitNote(StabilityReserveRule rule) {
    OptionalLong limit = rule.invalidationLimitPermits();
    return limit.isPresent() ? " (held above " + permits(limit.getAsLong()) + ")" : " (no limit)";
  }

  /** The band's rule in words, with the thresholds that bound it. */
  static String describe(StabilityReserveRule rule, StabilityReserveRule.Band band) {
    return switch (band) {
      case RATE_INTAKE ->
          "TNAC > "
              + grouped(rule.upperThresholdPermits())
              + ": intake = "
              + percent(rule.intakeRatePpm())
              + " of TNAC, rounded";
      case EXCESS_INTAKE ->
          grouped(rule.lowerThresholdPermits())
              + " < TNAC <= "
              + grouped(rule.upperThresholdPermits())
              + ": intake = TNAC - "
              + grouped(rule.lowerThresholdPermits());
      case NO_ACTION ->
          grouped(rule.releaseThresholdPermits())
              + " <= TNAC <= "
              + grouped(rule.lowerThresholdPermits())
              + ": no action";
      case RELEASE ->
          "TNAC < "
              + grouped(rule.releaseThresholdPermits())
              + ": release "
              + grouped(rule.releaseVolumePermits())
              + " or what the reserve holds";
    };
  }

  private ObjectNode toJson(
      StabilityReserveRule rule, long tnac, Action action, Settlement settled) {
    ObjectNode root = Json.object();
    root.put("tnacPermits", tnac);
    root.put("band", action.band().name());
    root.put("bandRule", describe(rule, action.band()));
    root.put("intakePermits", action.intakePermits());
    root.put("releasePermits", action.releasePermits());
    if (settled == null) {
      root.putNull("reservePermits");
    } else {
      root.put("reservePermits", reserve);
      root.put("invalidatedPermits", settled.invalidatedPermits());
      root.put("reserveAfterPermits", settled.reserveAfterPermits());
    }
    ObjectNode r = root.putObject("rule");
    r.put("upperThresholdPermits", rule.upperThresholdPermits());
    r.put("lowerThresholdPermits", rule.lowerThresholdPermits());
    r.put("intakeRatePpm", rule.intakeRatePpm());
    r.put("releaseThresholdPermits", rule.releaseThresholdPermits());
    r.put("releaseVolumePermits", rule.releaseVolumePermits());
    OptionalLong limit = rule.invalidationLimitPermits();
    if (limit.isPresent()) {
      r.put("invalidationLimitPermits", limit.getAsLong());
    } else {
      r.putNull("invalidationLimitPermits");
    }
    return root;
  }

  private int series(StabilityReserveRule rule, Path file) throws IOException {
    List<TnacCsv.Row> rows = TnacCsv.read(file);
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (TnacCsv.Row row : rows) {
      Action a = rule.action(row.tnacPermits());
      csv.append(row.year())
          .append(',')
          .append(row.tnacPermits())
          .append(',')
          .append(a.intakePermits())
          .append(',')
          .append(a.releasePermits())
          .append('\n');
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (out == null) {
      stdout.print(csv);
    } else {
      writeAtomically(out, csv.toString());
      stdout.println("wrote " + out);
    }
    stdout.flush();
    return 0;
  }

  /** Writes a sibling temporary file and moves it over {@code file}: all of it or none. */
  private static void writeAtomically(Path file, String text) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("--out: " + file + " is a directory; name a file");
    }
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, absolute.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(
          tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String percent(long ppm) {
    return BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + "%";
  }

  private static String permits(long n) {
    return grouped(n) + " permits";
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
