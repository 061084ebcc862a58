package org.computecap.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario read but not yet validated: its YAML tree, in which any field can be replaced by a
 * dotted path before {@link ScenarioLoader} checks the whole. This is the one implementation of
 * {@code --set} behind {@code simulate}, {@code sweep} and {@code experiment}; it never validates a
 * value itself, so every rule stays in the loaders (the scenario's and the engine's program loader)
 * and a new field there is reachable here without a change. A path that names nothing is refused by
 * those loaders' unknown-field checks, never ignored.
 *
 * <p>Paths: {@code seed}, {@code periods}, {@code name}, {@code description}; {@code market.FIELD};
 * {@code demand.FIELD}; {@code developers.NAME.FIELD}, {@code developers[INDEX].FIELD} or {@code
 * developers.*.FIELD} (every type); {@code program} (a program file, or a mapping) and {@code
 * program.SECTION.FIELD}. A path whose first part is none of the scenario's fields is a program
 * path, so {@code allocation.method} means {@code program.allocation.method}; {@code periods.count}
 * is the program's, because the scenario's {@code periods} is a number. A program given as a file
 * is read into the tree the first time a program field is replaced.
 *
 * <p>Instances are immutable: {@link #with} returns a new tree.
 */
public final class ScenarioTree {
  /** The scenario's own top-level fields; any other first part of a path is the program's. */
  private static final Set<String> SCENARIO_FIELDS =
      Set.of(
          "name",
          "description",
          "seed",
          "periods",
          "program",
          "market",
          "developers",
          "demand",
          "damage",
          "link",
          "jurisdictions");

  private final String source;
  private final ObjectNode root;
  private final ScenarioLoader.ProgramFiles programs;

  private ScenarioTree(String source, ObjectNode root, ScenarioLoader.ProgramFiles programs) {
    this.source = source;
    this.root = root;
    this.programs = programs;
  }

  /** Reads {@code file}; a program path in it resolves beside it. */
  public static ScenarioTree load(Path file) {
    String text = ScenarioLoader.read(file, "scenario");
    return parse(file.getFileName().toString(), text, file.toAbsolutePath().getParent());
  }

  /** A scenario shipped inside the jar ({@code default}, {@code p2-deterrence}, ...). */
  public static ScenarioTree shipped(String name) {
    String text = ShippedScenarios.text(name);
    return new ScenarioTree(
        name + ".yaml", (ObjectNode) ScenarioLoader.tree(name, text), ShippedScenarios::program);
  }

  /**
   * A file at {@code value} when one exists (relative to the working directory), otherwise the
   * shipped scenario of that name: what {@code --scenario} and an experiment's {@code scenario}
   * accept.
   *
   * @throws IllegalArgumentException naming {@code what} when it is neither
   */
  public static ScenarioTree fileOrShipped(String what, String value, Path dir) {
    Path file = dir.resolve(value).normalize();
    if (Files.isRegularFile(file)) {
      return load(file);
    }
    if (ShippedScenarios.exists(value)) {
      return shipped(value);
    }
    throw new IllegalArgumentException(
        what + ": no such file or shipped scenario: " + value + " (computecap scenarios list)");
  }

  /** Parses scenario YAML; {@code dir} resolves a program path (null: inline programs only). */
  public static ScenarioTree parse(String source, String text, Path dir) {
    return new ScenarioTree(
        source,
        (ObjectNode) ScenarioLoader.tree(source, text),
        dir == null ? null : ScenarioLoader.programFile(dir));
  }

  /**
   * Reads a value as written after {@code --set PATH=}: YAML, so {@code 50000}, {@code 0.3}, {@code
   * 1e5}, {@code GRANDFATHER}, {@code [10, 12]} and {@code {PRICE_TAKING: 0.8, STRATEGIC: 0.2}} are
   * a whole number, a fraction, a number, a name, a list and a mapping.
   */
  public static JsonNode value(String path, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("--set " + path + ": the value is empty");
    }
    try {
      JsonNode v = ScenarioLoader.MAPPER.readTree(text.trim());
      if (v == null || v.isNull() || v.isMissingNode()) {
        throw new IllegalArgumentException("--set " + path + ": the value is empty");
      }
      return v;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "--set " + path + ": the value is not valid YAML: " + e.getOriginalMessage());
    }
  }

  /** This tree with {@code path} set to {@code value} (see {@link #value}). */
  public ScenarioTree with(String path, String value) {
    return with(path, value(path, value), null);
  }

  /** This tree with every {@code path=value} of {@code values} applied in order. */
  public ScenarioTree withAll(Map<String, String> values) {
    ScenarioTree t = this;
    for (Map.Entry<String, String> e : values.entrySet()) {
      t = t.with(e.getKey(), e.getValue());
    }
    return t;
  }

  /**
   * This tree with {@code path} set to {@code value}. A program file named by a text value of
   * {@code program} resolves against {@code valueDir} (null: the working directory).
   *
   * @throws IllegalArgumentException naming the path and the rule it breaks
   */
  public ScenarioTree with(String path, JsonNode value, Path valueDir) {
    List<String> parts = parts(path);
    if (!SCENARIO_FIELDS.contains(parts.get(0))
        || (parts.get(0).equals("periods") && parts.size() > 1)) {
      parts.add(0, "program");
    }
    ObjectNode copy = root.deepCopy();
    JsonNode v = value.deepCopy();
    if (parts.size() == 1 && parts.get(0).equals("program") && v.isTextual()) {
      Path base = valueDir != null ? valueDir : Path.of("").toAbsolutePath();
      v = programFile(path, base.resolve(v.asText()).normalize());
    }
    if (parts.size() > 1 && parts.get(0).equals("program")) {
      inlineProgram(copy, path);
    }
    set(copy, parts, 0, path, v);
    return new ScenarioTree(source, copy, programs);
  }

  /** Whether this is a linked scenario (issue 18): two jurisdictions, one engine each. */
  public boolean isLinked() {
    return root.has("jurisdictions");
  }

  /** Validates the tree as a linked scenario; errors name the file, the field and the rule. */
  public LinkedScenario linkedScenario() {
    return LinkedScenarioLoader.parse(source, root, programs);
  }

  /** Validates the tree as a scenario; errors name the file, the field and the rule. */
  public Scenario scenario() {
    if (isLinked()) {
      throw new IllegalArgumentException(
          source
              + ": jurisdictions: a linked scenario (two programs, issue 18) runs as an experiment"
              + " (computecap experiment, with the scenario as its scenario: see"
              + " examples/experiments/linking.yaml); simulate and sweep run one program");
    }
    return ScenarioLoader.parseWith(source, root, programs);
  }

  /**
   * The tree as YAML with the program inlined, so that it loads anywhere (on another machine, in a
   * Spark task) without the files beside the original.
   */
  public String selfContainedYaml() {
    ObjectNode copy = root.deepCopy();
    inlineProgram(copy, "program");
    return ScenarioLoader.write(copy);
  }

  private void inlineProgram(ObjectNode tree, String path) {
    JsonNode p = tree.get("program");
    if (p != null && p.isTextual()) {
      String text = programs == null ? null : programs.read(p.asText());
      if (text == null) {
        throw new IllegalArgumentException(
            "--set " + path + ": the program file " + p.asText() + " cannot be read");
      }
      tree.set("program", ScenarioLoader.tree(p.asText(), text));
    }
  }

  private static JsonNode programFile(String path, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "--set " + path + ": the program file " + file + " does not exist");
    }
    return ScenarioLoader.tree(file.getFileName().toString(), ScenarioLoader.read(file, "program"));
  }

  /** Sets {@code path} (relative to the program) in a program tree, by this class's rules. */
  static void setProgramField(ObjectNode program, String path, JsonNode value) {
    set(program, parts(path), 0, path, value);
  }

  private static void set(JsonNode at, List<String> parts, int i, String path, JsonNode value) {
    String part = parts.get(i);
    boolean last = i == parts.size() - 1;
    if (at instanceof ArrayNode list) {
      for (JsonNode item : select(list, part, path, String.join(".", parts.subList(0, i)))) {
        if (last) {
          throw rule(path, "names a whole list entry; name a field of it");
        }
        set(item, parts, i + 1, path, value);
      }
      return;
    }
    if (!(at instanceof ObjectNode map)) {
      throw rule(path, String.join(".", parts.subList(0, i)) + " is a value, not a mapping");
    }
    if (last) {
      map.set(part, value);
      return;
    }
    JsonNode next = map.get(part);
    if (next == null || next.isNull()) {
      next = JsonNodeFactory.instance.objectNode();
      map.set(part, next);
    }
    set(next, parts, i + 1, path, value);
  }

  /** The entries of a list a path part names: {@code *}, an index, or a developer's name. */
  private static List<JsonNode> select(ArrayNode list, String part, String path, String listPath) {
    List<JsonNode> out = new ArrayList<>();
    if (part.equals("*")) {
      list.forEach(out::add);
      return out;
    }
    if (part.matches("\\[[0-9]{1,9}]")) {
      int index = Integer.parseInt(part.substring(1, part.length() - 1));
      if (index >= list.size()) {
        throw rule(
            path,
            listPath + " has " + list.size() + " entries (index 0.." + (list.size() - 1) + ")");
      }
      out.add(list.get(index));
      return out;
    }
    String wanted = part.startsWith("[") ? part.substring(1, part.length() - 1) : part;
    List<String> names = new ArrayList<>();
    for (JsonNode item : list) {
      JsonNode name = item.get("name");
      if (name != null && name.isTextual()) {
        names.add(name.asText());
        if (name.asText().equals(wanted)) {
          out.add(item);
        }
      }
    }
    if (out.isEmpty()) {
      throw rule(
          path,
          listPath
              + " has no entry named "
              + wanted
              + " (names: "
              + String.join(", ", names)
              + "; or an index [i], or * for all)");
    }
    return out;
  }

  /** Splits {@code a.b[2].c} into {@code a, b, [2], c}; an index may also follow a dot. */
  private static List<String> parts(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("--set: the field path is empty (FIELD=VALUE)");
    }
    List<String> parts = new ArrayList<>();
    for (String dotted : path.trim().split("\\.", -1)) {
      int bracket = dotted.indexOf('[');
      String head = bracket < 0 ? dotted : dotted.substring(0, bracket);
      if (!head.isEmpty()) {
        parts.add(head);
      } else if (bracket != 0) {
        throw rule(path, "has an empty part (parts are separated by single dots)");
      }
      while (bracket >= 0) {
        int close = dotted.indexOf(']', bracket);
        if (close < 0) {
          throw rule(path, "has an unclosed [");
        }
        parts.add(dotted.substring(bracket, close + 1));
        bracket = dotted.indexOf('[', close);
        if (bracket < 0 && close != dotted.length() - 1) {
          throw rule(path, "has text after ] (write developers[0].count)");
        }
      }
    }
    if (parts.get(0).startsWith("[")) {
      throw rule(path, "starts with an index; name a list first");
    }
    return parts;
  }

  private static IllegalArgumentException rule(String path, String message) {
    return new IllegalArgumentException("--set " + path + ": " + message);
  }
}
