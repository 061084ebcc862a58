package org.computecap.sim.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.computecap.sim.scenario.ScenarioTree;

/**
 * Reads an experiment file (docs/experiments.md) and refuses anything invalid with one line naming
 * the file, the field and the rule. Every cell's scenario is built and validated here, before any
 * run starts, so a factor value the scenario or the engine refuses stops the experiment at once
 * with the cell that holds it.
 */
public final class ExperimentLoader {
  private static final YAMLMapper MAPPER =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "scenario",
          "set",
          "factors",
          "design",
          "cells",
          "samples",
          "replications",
          "seed",
          "commonRandomNumbers",
          "metrics");
  private static final Set<String> FACTOR_FIELDS =
      Set.of("field", "name", "values", "from", "to", "step", "count", "levels", "label", "unit");

  private final String source;
  private final FileFields fields;

  private ExperimentLoader(String source) {
    this.source = source;
    this.fields = new FileFields(source);
  }

  /** Loads {@code file}; its scenario and program files resolve beside it. */
  public static Experiment load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read experiment file " + file, e);
    }
    Path dir = file.toAbsolutePath().getParent();
    return new ExperimentLoader(file.getFileName().toString()).parse(text, dir);
  }

  private Experiment parse(String text, Path dir) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": expected a mapping of fields");
    }
    refuseUnknown(root, "", FIELDS);
    String name = text(root, "name", null);
    String description = text(root, "description", name);
    ScenarioTree base = scenario(text(root, "scenario", null), dir);
    Map<String, JsonNode> fixed = mapping(root, "set");
    List<Factor> factors = factors(root);
    Design design = design(root);
    long seed =
        root.has("seed") ? whole(root, "seed", Long.MIN_VALUE, Long.MAX_VALUE) : seedOf(base);
    List<Cell> cells = cells(root, design, factors, seed);
    if (design == Design.LIST) {
      factors = withListedValues(factors, cells);
    }
    int replications = root.has("replications") ? (int) whole(root, "replications", 1, 10_000) : 1;
    boolean crn = !root.has("commonRandomNumbers") || bool(root, "commonRandomNumbers");
    Experiment e =
        new Experiment(
            name,
            description,
            base,
            fixed,
            factors,
            design,
            cells,
            replications,
            seed,
            crn,
            metrics(root, base.isLinked()),
            dir);
    for (Cell c : cells) {
      check(e, c);
    }
    return e;
  }

  /**
   * A full-factorial experiment over {@code factors} (field path to values, at least one) on {@code
   * base}: what {@code computecap sweep} runs. Fields must be distinct, every cell is validated
   * before anything runs.
   */
  public static Experiment grid(
      String name,
      ScenarioTree base,
      Map<String, List<JsonNode>> factors,
      int replications,
      Long seed,
      List<Metric> metrics) {
    List<Factor> list = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> f : factors.entrySet()) {
      if (new LinkedHashSet<>(f.getValue()).size() != f.getValue().size()) {
        throw new IllegalArgumentException(f.getKey() + " lists a value twice");
      }
      list.add(
          new Factor(
              f.getKey(), f.getKey(), "", f.getValue(), Map.of(), Double.NaN, Double.NaN, false));
    }
    Experiment e =
        new Experiment(
            name,
            name,
            base,
            Map.of(),
            list,
            Design.FULL_FACTORIAL,
            Designs.fullFactorial(list),
            replications,
            seed != null ? seed : seedOf(base),
            true,
            metrics,
            null);
    for (Cell c : e.cells()) {
      check(e, c);
    }
    return e;
  }

  /** Builds a cell's scenario, so that a refused value names its cell before anything runs. */
  static void check(Experiment e, Cell c) {
    try {
      ScenarioTree tree = e.tree(c);
      if (tree.isLinked()) {
        tree.linkedScenario();
      } else {
        tree.scenario();
      }
    } catch (IllegalArgumentException ex) {
      StringBuilder values = new StringBuilder();
      for (int f = 0; f < e.factors().size(); f++) {
        values
            .append(f == 0 ? "" : ", ")
            .append(e.factors().get(f).name())
            .append('=')
            .append(Factor.text(c.values().get(f)));
      }
      throw new IllegalArgumentException(
          "cell " + c.index() + " (" + values + "): " + ex.getMessage(), ex);
    }
  }

  /**
   * The base scenario: a file beside the experiment when one exists there, otherwise a scenario
   * shipped inside the jar, by name ({@code p2-deterrence}), so experiments run from anywhere.
   */
  static ScenarioTree scenario(String ref, Path dir) {
    return ScenarioTree.fileOrShipped("scenario", ref, dir);
  }

  private List<Factor> factors(JsonNode root) {
    JsonNode list = root.get("factors");
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > 8) {
      throw error("factors", "must be a list of 1 to 8 factors");
    }
    List<Factor> factors = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "factors[" + i + "]";
      JsonNode f = list.get(i);
      if (!f.isObject()) {
        throw error(at, "must be a mapping (field and values, or name and levels)");
      }
      refuseUnknown(f, at + ".", FACTOR_FIELDS);
      Factor factor = f.has("levels") ? compound(f, at) : plain(f, at);
      if (!names.add(factor.name())) {
        throw error(
            at,
            "repeats the factor " + factor.name() + " (each factor names a distinct " + "field)");
      }
      factors.add(factor);
    }
    return factors;
  }

  private Factor plain(JsonNode f, String at) {
    String field = text(f, "field", null, at + ".field");
    String label = f.has("label") ? text(f, "label", null, at + ".label") : field;
    String unit = f.has("unit") ? text(f, "unit", null, at + ".unit") : "";
    if (f.has("values")) {
      JsonNode v = f.get("values");
      if (!v.isArray() || v.isEmpty() || v.size() > 1000) {
        throw error(at + ".values", "must be a list of 1 to 1000 values");
      }
      List<JsonNode> values = new ArrayList<>();
      v.forEach(values::add);
      if (new LinkedHashSet<>(values).size() != values.size()) {
        throw error(at + ".values", "lists a value twice");
      }
      return new Factor(field, label, unit, values, Map.of(), Double.NaN, Double.NaN, false);
    }
    if (!f.has("from") && !f.has("to")) {
      // A listed design gives the values cell by cell.
      return new Factor(field, label, unit, List.of(), Map.of(), Double.NaN, Double.NaN, false);
    }
    if (!f.has("from") || !f.has("to")) {
      throw error(
          at,
          "needs values, or from and to (with step or count, or alone for a "
              + "latin-hypercube range)");
    }
    double from = number(f, "from", at);
    double to = number(f, "to", at);
    if (!(to > from)) {
      throw error(at + ".to", "must be above from (" + from + "), was " + to);
    }
    boolean whole = f.get("from").isIntegralNumber() && f.get("to").isIntegralNumber();
    if (f.has("step") || f.has("count")) {
      return new Factor(
          field,
          label,
          unit,
          range(f, at, from, to, whole),
          Map.of(),
          Double.NaN,
          Double.NaN,
          false);
    }
    return new Factor(field, label, unit, List.of(), Map.of(), from, to, whole);
  }

  private List<JsonNode> range(JsonNode f, String at, double from, double to, boolean whole) {
    List<JsonNode> values = new ArrayList<>();
    if (f.has("step")) {
      double step = number(f, "step", at);
      if (!(step > 0) || (to - from) / step > 1000) {
        throw error(at + ".step", "must be > 0 and give at most 1000 values, was " + step);
      }
      whole = whole && f.get("step").isIntegralNumber();
      // Decimal steps: 0.1 * 3 must be 0.3, not 0.30000000000000004.
      BigDecimal b = new BigDecimal(f.get("from").asText());
      BigDecimal s = new BigDecimal(f.get("step").asText());
      while (b.doubleValue() <= to + Math.abs(to) * 1e-12) {
        values.add(whole ? LongNode.valueOf(b.longValue()) : DoubleNode.valueOf(b.doubleValue()));
        b = b.add(s);
      }
      return values;
    }
    int count = (int) whole(f, "count", 2, 1000, at + ".count");
    for (int i = 0; i < count; i++) {
      double v = from + (to - from) * i / (count - 1);
      values.add(whole ? LongNode.valueOf(Math.round(v)) : DoubleNode.valueOf(v));
    }
    return values;
  }

  private Factor compound(JsonNode f, String at) {
    String name = text(f, "name", null, at + ".name");
    if (f.has("field") || f.has("values") || f.has("from")) {
      throw error(at, "has levels, so it sets fields per level: give name and levels only");
    }
    JsonNode levels = f.get("levels");
    if (!levels.isObject() || levels.isEmpty()) {
      throw error(at + ".levels", "must map each level's name to the fields it sets");
    }
    Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
    List<JsonNode> values = new ArrayList<>();
    Iterator<String> it = levels.fieldNames();
    while (it.hasNext()) {
      String level = it.next();
      out.put(level, mapping(levels, level, at + ".levels." + level));
      values.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(level));
    }
    String label = f.has("label") ? text(f, "label", null, at + ".label") : name;
    return new Factor(name, label, "", values, out, Double.NaN, Double.NaN, false);
  }

  private Design design(JsonNode root) {
    if (!root.has("design")) {
      return Design.FULL_FACTORIAL;
    }
    String d = text(root, "design", null);
    return switch (d) {
      case "full-factorial" -> Design.FULL_FACTORIAL;
      case "list" -> Design.LIST;
      case "latin-hypercube" -> Design.LATIN_HYPERCUBE;
      default -> throw error("design", "must be full-factorial, list or latin-hypercube, was " + d);
    };
  }

  private List<Cell> cells(JsonNode root, Design design, List<Factor> factors, long seed) {
    if (design != Design.LIST && root.has("cells")) {
      throw error("cells", "is only for design: list");
    }
    if (design != Design.LATIN_HYPERCUBE && root.has("samples")) {
      throw error("samples", "is only for design: latin-hypercube");
    }
    try {
      return switch (design) {
        case FULL_FACTORIAL -> Designs.fullFactorial(factors);
        case LATIN_HYPERCUBE ->
            Designs.latinHypercube(factors, (int) whole(root, "samples", 2, 100_000), seed);
        case LIST -> listed(root, factors);
      };
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(source)
          ? e
          : new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private List<Cell> listed(JsonNode root, List<Factor> factors) {
    JsonNode list = root.get("cells");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw error("cells", "must list the cells, each a mapping of every factor to its value");
    }
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String at = "cells[" + i + "]";
      if (!c.isObject() || c.size() != factors.size()) {
        throw error(at, "must give a value for each of the " + factors.size() + " factors");
      }
      List<JsonNode> values = new ArrayList<>();
      for (Factor f : factors) {
        JsonNode v = c.get(f.name());
        if (v == null || v.isNull()) {
          throw error(at, "has no value for the factor " + f.name());
        }
        if (f.compound() && !f.levels().containsKey(v.asText())) {
          throw error(
              at + "." + f.name(),
              "must be one of the levels "
                  + String.join(", ", f.levels().keySet())
                  + ", was "
                  + v.asText());
        }
        values.add(v);
      }
      cells.add(new Cell(i, values));
    }
    return cells;
  }

  /** A listed design's factors take the values its cells give, in order of appearance. */
  private static List<Factor> withListedValues(List<Factor> factors, List<Cell> cells) {
    List<Factor> out = new ArrayList<>();
    for (int i = 0; i < factors.size(); i++) {
      Factor f = factors.get(i);
      Set<JsonNode> seen = new LinkedHashSet<>();
      for (Cell c : cells) {
        seen.add(c.values().get(i));
      }
      out.add(
          f.compound()
              ? f
              : new Factor(
                  f.name(),
                  f.label(),
                  f.unit(),
                  new ArrayList<>(seen),
                  f.levels(),
                  Double.NaN,
                  Double.NaN,
                  false));
    }
    return out;
  }

  // A linked scenario's seed is its run's (issue 18); each jurisdiction's is derived from it.
  private static long seedOf(ScenarioTree base) {
    return base.isLinked() ? base.linkedScenario().seed() : base.scenario().seed();
  }

  private List<Metric> metrics(JsonNode root, boolean linked) {
    if (!root.has("metrics")) {
      return linked ? LinkedMetrics.all() : Metric.all();
    }
    JsonNode list = root.get("metrics");
    if (!list.isArray() || list.isEmpty()) {
      throw error("metrics", "must be a non-empty list of metric names");
    }
    Set<String> names = new LinkedHashSet<>();
    List<Metric> out = new ArrayList<>();
    for (JsonNode n : list) {
      if (!names.add(n.asText())) {
        throw error("metrics", "lists " + n.asText() + " twice");
      }
      try {
        out.add(linked ? LinkedMetrics.named(n.asText()) : Metric.named(n.asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private Map<String, JsonNode> mapping(JsonNode root, String field) {
    return mapping(root, field, field);
  }

  private Map<String, JsonNode> mapping(JsonNode node, String field, String at) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode m = node.get(field);
    if (m == null || m.isNull()) {
      return out;
    }
    if (!m.isObject()) {
      throw error(at, "must be a mapping of field paths to values");
    }
    m.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private void refuseUnknown(JsonNode node, String prefix, Set<String> known) {
    fields.refuseUnknown(node, prefix, known, f -> "");
  }

  private String text(JsonNode n, String field, String fallback) {
    return text(n, field, fallback, field);
  }

  private String text(JsonNode n, String field, String fallback, String at) {
    return fields.text(n, field, fallback, at);
  }

  private double number(JsonNode n, String field, String at) {
    return fields.number(n, field, at);
  }

  private long whole(JsonNode n, String field, long min, long max) {
    return whole(n, field, min, max, field);
  }

  private long whole(JsonNode n, String field, long min, long max, String at) {
    return fields.whole(n, field, min, max, null, at);
  }

  private boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (!v.isBoolean()) {
      throw error(field, "must be true or false, was " + v.asText());
    }
    return v.asBoolean();
  }

  private IllegalArgumentException error(String field, String rule) {
    return fields.error(field, rule);
  }
}
