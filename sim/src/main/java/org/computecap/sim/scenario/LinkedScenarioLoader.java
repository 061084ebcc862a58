package org.computecap.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.computecap.economics.link.LinkRegime;

/**
 * Reads a linked scenario (issue 18): the scenario's {@code name}, {@code description}, {@code
 * seed} and {@code periods}, a default {@code market}, a {@code link} section ({@code regime} NONE,
 * ONE_WAY or TWO_WAY; {@code exchangeRate} in (0, 10], units of the second program per permit of
 * the first; optional {@code quotaShare} in [0, 1]) and exactly two {@code jurisdictions}, each a
 * {@code name}, a {@code program}, an optional {@code market} and its {@code developers}. Each
 * jurisdiction becomes an ordinary scenario, validated by {@link ScenarioLoader}: its seed drawn
 * from the run's seed, its program given the link's {@code linking} section, its developers' {@code
 * relocationCost} taken out (a linked run moves them between jurisdictions instead of out of the
 * program) and a mirror of every mobile developer of the other jurisdiction appended, which starts
 * inactive. Errors name the field and the rule.
 */
final class LinkedScenarioLoader {
  private static final double MAX_RATE = 10.0;

  private LinkedScenarioLoader() {}

  static LinkedScenario parse(String source, JsonNode root, ScenarioLoader.ProgramFiles programs) {
    for (var it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!List.of("name", "description", "seed", "periods", "market", "link", "jurisdictions")
          .contains(f)) {
        throw error(
            source,
            f,
            "unknown field of a linked scenario (allowed: name, description, seed, periods,"
                + " market, link, jurisdictions)");
      }
    }
    String name = text(root, "name", "linked");
    String description = text(root, "description", name);
    long seed = root.has("seed") ? root.get("seed").asLong() : 1L;
    JsonNode link = root.get("link");
    if (link == null || !link.isObject()) {
      throw error(source, "link", "a linked scenario needs a link section (regime, exchangeRate)");
    }
    LinkRegime regime = regime(source, link);
    double rate = number(source, link, "exchangeRate", 1.0);
    if (!(rate > 0) || rate > MAX_RATE) {
      throw error(source, "link.exchangeRate", rate + " is not in (0, " + MAX_RATE + "]");
    }
    double quota = link.has("quotaShare") ? number(source, link, "quotaShare", 0) : Double.NaN;
    if (link.has("quotaShare") && !(quota >= 0 && quota <= 1)) {
      throw error(source, "link.quotaShare", quota + " is not in [0, 1]");
    }
    for (var it = link.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!List.of("regime", "exchangeRate", "quotaShare").contains(f)) {
        throw error(
            source, "link." + f, "unknown field (allowed: regime, exchangeRate, quotaShare)");
      }
    }
    JsonNode list = root.get("jurisdictions");
    if (list == null || !list.isArray() || list.size() != 2) {
      throw error(
          source,
          "jurisdictions",
          "a linked scenario has exactly two jurisdictions (got "
              + (list == null || !list.isArray() ? "none" : list.size())
              + ")");
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    long[] seedOf = {seeds.nextLong(), seeds.nextLong()};
    ObjectNode[] trees = new ObjectNode[2];
    String[] names = new String[2];
    for (int j = 0; j < 2; j++) {
      JsonNode jn = list.get(j);
      String at = "jurisdictions[" + j + "]";
      if (!jn.isObject() || !jn.has("name") || !jn.has("program") || !jn.has("developers")) {
        throw error(source, at, "needs a name, a program and developers");
      }
      names[j] = jn.get("name").asText();
      ObjectNode t = ((ObjectNode) jn).deepCopy();
      t.put("name", name + "/" + names[j]);
      t.put("description", description);
      t.put("seed", seedOf[j]);
      if (root.has("periods")) {
        t.set("periods", root.get("periods"));
      }
      if (!t.has("market") && root.has("market")) {
        t.set("market", root.get("market").deepCopy());
      }
      trees[j] = t;
    }
    if (names[0].equals(names[1])) {
      throw error(source, "jurisdictions[1].name", "repeats " + names[0]);
    }
    int[] own = new int[2];
    List<LinkedScenario.Mobile> moves = new ArrayList<>();
    ArrayNode[] mirrors = {mirrors(), mirrors()};
    for (int j = 0; j < 2; j++) {
      own[j] = ownCount(source, trees[j], j);
    }
    for (int j = 0; j < 2; j++) {
      int other = 1 - j;
      int index = 0;
      int mirror = own[other] + count(mirrors[other]);
      ArrayNode devs = (ArrayNode) trees[j].get("developers");
      for (int k = 0; k < devs.size(); k++) {
        ObjectNode d = (ObjectNode) devs.get(k);
        int n = d.has("count") ? d.get("count").asInt() : 1;
        if (d.has("relocationCost")) {
          double cost = d.get("relocationCost").asDouble();
          if (d.has("spread") && d.get("spread").asDouble() != 0.0) {
            throw error(
                source,
                "jurisdictions[" + j + "].developers[" + k + "].spread",
                "a developer that may relocate must have spread 0 in a linked run, so that it is"
                    + " the same firm in both jurisdictions");
          }
          d.remove("relocationCost");
          ObjectNode copy = d.deepCopy();
          copy.put("name", d.get("name").asText() + "-from-" + names[j]);
          mirrors[other].add(copy);
          for (int m = 0; m < n; m++) {
            moves.add(new LinkedScenario.Mobile(j, index + m, mirror + m, cost));
          }
          mirror += n;
        }
        index += n;
      }
    }
    List<LinkedScenario.Jurisdiction> out = new ArrayList<>();
    int periods = Integer.MAX_VALUE;
    for (int j = 0; j < 2; j++) {
      ArrayNode devs = (ArrayNode) trees[j].get("developers");
      devs.addAll(mirrors[j]);
      link(source, trees[j], j, regime, rate, quota);
      Scenario s =
          ScenarioLoader.parseWith(source + ": jurisdictions[" + j + "]", trees[j], programs);
      requireLinkable(source, j, s);
      periods = Math.min(periods, s.periods());
      out.add(new LinkedScenario.Jurisdiction(names[j], s, own[j]));
    }
    if (out.get(0).scenario().periods() != out.get(1).scenario().periods()) {
      throw error(source, "periods", "both jurisdictions must run as many periods; set periods");
    }
    return new LinkedScenario(name, description, seed, periods, regime, rate, quota, out, moves);
  }

  // The program of jurisdiction j recognises the other's permits when the regime says so.
  private static void link(
      String source, ObjectNode tree, int j, LinkRegime regime, double rate, double quota) {
    JsonNode program = tree.get("program");
    if (!program.isObject()) {
      throw error(
          source,
          "jurisdictions[" + j + "].program",
          "give the program inline in a linked scenario (the link adds its linking section)");
    }
    if (program.has("linking")) {
      throw error(
          source,
          "jurisdictions[" + j + "].program.linking",
          "is set by the scenario's link section, not by the program");
    }
    boolean recognises = j == 1 ? regime.aToB() : regime.bToA();
    if (recognises) {
      ObjectNode linking = ((ObjectNode) program).putObject("linking");
      double r = j == 1 ? rate : 1.0 / rate;
      linking.put("exchangeRatePpm", Math.round(r * 1e6));
      if (!Double.isNaN(quota)) {
        linking.put("quotaPpm", Math.round(quota * 1e6));
      }
    }
  }

  private static void requireLinkable(String source, int j, Scenario s) {
    String at = "jurisdictions[" + j + "]";
    if (s.program().banking()) {
      throw error(
          source,
          at + ".program.banking",
          "must be false in a linked run (the link desk's arbitrage and the linked equilibrium are"
              + " one period's)");
    }
    if (!s.market().trading().call()) {
      throw error(
          source,
          at + ".market.trading",
          "must include a call auction in a linked run (the link desk trades in it)");
    }
  }

  private static int ownCount(String source, ObjectNode tree, int j) {
    JsonNode devs = tree.get("developers");
    if (devs == null || !devs.isArray() || devs.isEmpty()) {
      throw error(source, "jurisdictions[" + j + "].developers", "must be a non-empty list");
    }
    return count((ArrayNode) devs);
  }

  private static int count(ArrayNode devs) {
    int n = 0;
    for (JsonNode d : devs) {
      n += d.has("count") ? d.get("count").asInt() : 1;
    }
    return n;
  }

  private static ArrayNode mirrors() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
  }

  private static LinkRegime regime(String source, JsonNode link) {
    String v = link.has("regime") ? link.get("regime").asText() : "";
    try {
      return LinkRegime.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(source, "link.regime", "'" + v + "' is not one of NONE, ONE_WAY, TWO_WAY");
    }
  }

  private static double number(String source, JsonNode node, String field, double fallback) {
    JsonNode v = node.get(field);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw error(source, "link." + field, "'" + v.asText() + "' is not a number");
    }
    return v.asDouble();
  }

  private static String text(JsonNode root, String field, String fallback) {
    JsonNode v = root.get(field);
    return v == null || v.isNull() ? fallback : v.asText();
  }

  private static IllegalArgumentException error(String source, String field, String rule) {
    return new IllegalArgumentException(source + ": " + field + ": " + rule);
  }
}
