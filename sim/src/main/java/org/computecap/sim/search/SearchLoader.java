package org.computecap.sim.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.computecap.sim.experiment.FileFields;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.scenario.ScenarioTree;

/**
 * Reads a policy-search file (docs/experiments.md#policy-search) and refuses anything invalid with
 * one line naming the file, the field and the rule. The coarse grid's scenarios are all built here,
 * so a bound the scenario or the engine refuses stops the search before anything runs.
 */
public final class SearchLoader {
  private static final YAMLMapper MAPPER =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "scenario",
          "set",
          "parameters",
          "objective",
          "replications",
          "seed",
          "refinements",
          "refineBy",
          "surface",
          "bootstrap",
          "metrics");
  private static final Set<String> PARAMETER_FIELDS =
      Set.of("field", "from", "to", "points", "label", "unit");
  private static final int MAX_COARSE_POINTS = 10_000;

  private final String source;
  private final FileFields fields;

  private SearchLoader(String source) {
    this.source = source;
    this.fields = new FileFields(source);
  }

  /** Loads {@code file}; its scenario and program files resolve beside it. */
  public static PolicySearch load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read search file " + file, e);
    }
    return parse(file.getFileName().toString(), text, file.toAbsolutePath().getParent());
  }

  /**
   * Whether {@code file} is a search file rather than an experiment: a mapping with both {@code
   * parameters} and {@code objective} (an experiment has neither), so {@code computecap experiment}
   * can run either. A file that is not readable YAML is not a search (the experiment loader then
   * reports what is wrong with it).
   */
  public static boolean isSearch(Path file) {
    try {
      JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return root != null && root.isObject() && root.has("parameters") && root.has("objective");
    } catch (IOException e) {
      return false;
    }
  }

  /** Parses a search file's text; {@code dir} is where its scenario and programs resolve. */
  public static PolicySearch parse(String source, String text, Path dir) {
    return new SearchLoader(source).parse(text, dir);
  }

  private PolicySearch parse(String text, Path dir) {
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
    String name = text(root, "name", null, "name");
    String description = text(root, "description", name, "description");
    ScenarioTree base =
        ScenarioTree.fileOrShipped("scenario", text(root, "scenario", null, "scenario"), dir);
    Map<String, JsonNode> fixed = new LinkedHashMap<>();
    JsonNode set = root.get("set");
    if (set != null && !set.isNull()) {
      if (!set.isObject()) {
        throw error("set", "must be a mapping of field paths to values");
      }
      set.fields().forEachRemaining(e -> fixed.put(e.getKey(), e.getValue()));
    }
    List<SearchParameter> parameters = parameters(root);
    Objective objective;
    try {
      objective = Objective.parse(root.get("objective"), "objective");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    int replications = (int) whole(root, "replications", 2, 10_000, 5);
    long seed =
        root.has("seed")
            ? whole(root, "seed", Long.MIN_VALUE, Long.MAX_VALUE, 0)
            : base.scenario().seed();
    int refinements = (int) whole(root, "refinements", 0, 10, 2);
    int bootstrap = (int) whole(root, "bootstrap", 100, 100_000, 1000);
    String refineBy = text(root, "refineBy", "grid", "refineBy");
    if (!refineBy.equals("grid") && !refineBy.equals("compass")) {
      throw error("refineBy", "must be grid or compass, was " + refineBy);
    }
    PolicySearch s =
        new PolicySearch(
            name,
            description,
            base,
            fixed,
            parameters,
            objective,
            replications,
            seed,
            refinements,
            refineBy.equals("compass"),
            metrics(root),
            surface(root, parameters),
            bootstrap,
            dir);
    List<List<JsonNode>> axes = new ArrayList<>();
    for (SearchParameter p : parameters) {
      axes.add(p.coarse());
    }
    try {
      SearchRunner.experiment(s, "coarse", SearchRunner.product(axes));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": parameters: " + e.getMessage(), e);
    }
    return s;
  }

  private List<SearchParameter> parameters(JsonNode root) {
    JsonNode list = root.get("parameters");
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > 8) {
      throw error("parameters", "must be a list of 1 to 8 parameters (field, from, to, points)");
    }
    List<SearchParameter> out = new ArrayList<>();
    Set<String> fields = new LinkedHashSet<>();
    long grid = 1;
    for (int i = 0; i < list.size(); i++) {
      String at = "parameters[" + i + "]";
      JsonNode p = list.get(i);
      if (!p.isObject()) {
        throw error(at, "must be a mapping with field, from, to and points");
      }
      refuseUnknown(p, at + ".", PARAMETER_FIELDS);
      String field = text(p, "field", null, at + ".field");
      if (!fields.add(field)) {
        throw error(at + ".field", "repeats " + field + " (each parameter is a distinct field)");
      }
      double from = number(p, "from", at);
      double to = number(p, "to", at);
      if (!(to > from)) {
        throw error(at + ".to", "must be above from (" + p.get("from") + "), was " + p.get("to"));
      }
      int points = (int) whole(p, "points", 2, 101, 5, at + ".points");
      boolean whole = p.get("from").isIntegralNumber() && p.get("to").isIntegralNumber();
      String label = p.has("label") ? text(p, "label", null, at + ".label") : field;
      String unit = p.has("unit") ? text(p, "unit", null, at + ".unit") : "";
      SearchParameter sp = new SearchParameter(field, label, unit, from, to, points, whole);
      grid *= sp.coarse().size();
      if (grid > MAX_COARSE_POINTS) {
        throw error(
            "parameters",
            "give a coarse grid of more than " + MAX_COARSE_POINTS + " points; use fewer points");
      }
      out.add(sp);
    }
    return out;
  }

  private List<Integer> surface(JsonNode root, List<SearchParameter> parameters) {
    List<Integer> out = new ArrayList<>();
    JsonNode s = root.get("surface");
    if (s == null || s.isNull()) {
      for (int i = 0; i < Math.min(2, parameters.size()); i++) {
        out.add(i);
      }
      return out;
    }
    if (!s.isArray() || s.size() > 2) {
      throw error("surface", "must list 0 to 2 of the parameters' fields");
    }
    for (JsonNode f : s) {
      int index = -1;
      for (int i = 0; i < parameters.size(); i++) {
        if (parameters.get(i).field().equals(f.asText())) {
          index = i;
        }
      }
      if (index < 0 || out.contains(index)) {
        throw error(
            "surface",
            "names "
                + f.asText()
                + ", which is not a parameter or is named twice (parameters: "
                + String.join(", ", parameters.stream().map(SearchParameter::field).toList())
                + ")");
      }
      out.add(index);
    }
    return out;
  }

  private List<Metric> metrics(JsonNode root) {
    List<Metric> out = new ArrayList<>();
    JsonNode list = root.get("metrics");
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw error("metrics", "must be a list of metric names");
    }
    for (JsonNode n : list) {
      try {
        Metric m = Metric.named(n.asText());
        if (out.contains(m)) {
          throw error("metrics", "lists " + n.asText() + " twice");
        }
        out.add(m);
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith(source)
            ? e
            : new IllegalArgumentException(source + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private void refuseUnknown(JsonNode node, String prefix, Set<String> known) {
    fields.refuseUnknown(
        node,
        prefix,
        known,
        f -> prefix.isEmpty() && f.equals("factors") ? " (a search has parameters)" : "");
  }

  private String text(JsonNode n, String field, String fallback, String at) {
    return fields.text(n, field, fallback, at);
  }

  private double number(JsonNode n, String field, String at) {
    return fields.number(n, field, at);
  }

  private long whole(JsonNode n, String field, long min, long max, long fallback) {
    return whole(n, field, min, max, fallback, field);
  }

  private long whole(JsonNode n, String field, long min, long max, long fallback, String at) {
    return fields.whole(n, field, min, max, fallback, at);
  }

  private IllegalArgumentException error(String field, String rule) {
    return fields.error(field, rule);
  }
}
