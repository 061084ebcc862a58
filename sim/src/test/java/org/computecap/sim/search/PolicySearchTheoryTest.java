package org.computecap.sim.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.computecap.economics.audit.Enforcement;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.OptimalCap;
import org.computecap.economics.market.Population;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.experiment.ThreadExecutor;
import org.computecap.sim.run.Stats;
import org.computecap.sim.scenario.DeveloperType;
import org.computecap.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy search against optima the economics library knows (docs/research.md, Optimal policy
 * search): the shipped theory-check searches run as shipped, and the shipped policy search in a
 * reduced form. Tolerances come from the grid (the finest spacing) and the intervals.
 */
class PolicySearchTheoryTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "experiments");

  private static SearchResult run(PolicySearch s, Path out) {
    return SearchRunner.run(s, out, new ThreadExecutor(2), false, SearchRunner.Listener.SILENT);
  }

  // Every developer type of the scenario, POWER with risk weight 1 (riskType 0), as the economics
  // library's population.
  private static Population population(Scenario sc) {
    Population.Builder b = Population.builder();
    for (DeveloperType t : sc.developers()) {
      assertThat(t.spread()).as("a theory check needs identical developers per type").isZero();
      assertThat(t.riskType()).isZero();
      for (int i = 0; i < t.count(); i++) {
        b.addPower(t.theta(), t.beta(), 1.0);
      }
    }
    return b.build();
  }

  private static int metric(PolicySearch s, String name) {
    return s.collected().indexOf(Metric.named(name));
  }

  @Test
  void the_search_finds_the_cheapest_deterring_audit_probability_of_p2_cor_3(@TempDir Path dir) {
    PolicySearch s = SearchLoader.load(EXAMPLES.resolve("policy-search-deterrence.yaml"));
    Scenario sc = s.fixedTree().scenario();
    double price =
        MarketClearing.solve(population(sc), sc.program().capStartPermits()).price()
            * sc.market().centsPerUtil();
    double rhoStar =
        1e6
            * Enforcement.perfect(
                    1.0,
                    sc.program().linearCentsPerPermit(),
                    sc.program().quadraticCentsPerPermitSquared())
                .minimumAuditProbability(price);
    SearchResult r = run(s, dir);
    SearchPoint best = r.optimum();
    double step = s.parameters().get(0).step(s.refinements());
    // The optimum deters (no shortfall pays) and is within the finest spacing above rho*.
    assertThat(best.value(0)).isGreaterThanOrEqualTo(rhoStar);
    assertThat(best.value(0) - rhoStar).isLessThanOrEqualTo(step);
    // No policy below rho* is near-optimal: each lets compute run above the cap, which costs more
    // than the audits it saves, in every replication.
    for (SearchPoint p : r.points()) {
      if (p.value(0) < rhoStar) {
        assertThat(r.metric(p, metric(s, "excess_compute_permits")).mean()).isPositive();
        assertThat(r.nearOptimal(p)).as("point %s", p.values()).isFalse();
      }
    }
    // At the optimum nothing runs above the cap, so the objective is the audits' cost: its
    // interval covers the expected cost rho * developers * cost per audit.
    Stats o = r.objective(best);
    int developers = sc.developers().stream().mapToInt(DeveloperType::count).sum();
    double expected = best.value(0) / 1e6 * developers * sc.program().auditCostCents();
    assertThat(r.metric(best, metric(s, "excess_compute_permits")).mean()).isZero();
    assertThat(expected).isBetween(o.low(), o.high());
  }

  @Test
  void the_search_finds_the_planners_cap_where_the_price_equals_the_marginal_damage(
      @TempDir Path dir) {
    PolicySearch s = SearchLoader.load(EXAMPLES.resolve("policy-search-planner-cap.yaml"));
    Scenario sc = s.fixedTree().scenario();
    Population pop = population(sc);
    double damage = -s.objective().weights().get(Metric.named("total_compute_units"));
    double capStar = OptimalCap.plannerCap(pop, damage);
    SearchResult r = run(s, dir);
    SearchPoint best = r.optimum();
    double step = s.parameters().get(0).step(s.refinements());
    // A concave objective's best grid point is within one spacing of its maximiser, once the
    // refinement has points on both sides of it at that spacing.
    assertThat(Math.abs(best.value(0) - capStar)).isLessThanOrEqualTo(step);
    // The simulated market reaches the planner's net welfare at that cap, to the price grid's
    // resolution (gridStepPpm 1000: 0.1%), and its interval (replications agree) is that value.
    double planner = OptimalCap.netWelfare(pop, best.value(0), damage);
    Stats o = r.objective(best);
    assertThat(Math.abs(o.mean() - planner)).isLessThanOrEqualTo(1e-3 * planner);
    // Every point of the near-optimal set brackets Q* within a spacing.
    double[] range = r.nearOptimalRange(0);
    assertThat(capStar).isBetween(range[0] - step, range[1] + step);
  }

  @Test
  void the_shipped_policy_search_in_a_reduced_form_deters_with_the_largest_penalty(
      @TempDir Path dir) {
    PolicySearch shipped = SearchLoader.load(EXAMPLES.resolve("policy-search.yaml"));
    Map<String, com.fasterxml.jackson.databind.JsonNode> fixed = new HashMap<>(shipped.fixed());
    fixed.put("periods.count", IntNode.valueOf(2));
    PolicySearch s =
        new PolicySearch(
            shipped.name(),
            shipped.description(),
            shipped.base(),
            fixed,
            shipped.parameters(),
            shipped.objective(),
            2,
            shipped.seed(),
            1,
            shipped.compass(),
            shipped.metrics(),
            List.of(),
            shipped.bootstrap(),
            shipped.valueDir());
    SearchResult r = run(s, dir);
    SearchPoint best = r.optimum();
    // Becker: a penalty costs nothing to raise, so the optimum takes the largest and deters with
    // as few audits as it can; evasion is zero there, so rho * linear covers the price.
    assertThat(best.value(3)).isEqualTo(s.parameters().get(3).high());
    assertThat(r.metric(best, metric(s, "evasion_share")).mean()).isZero();
    Stats price = r.metric(best, metric(s, "clearing_price_cents"));
    assertThat(best.value(2) / 1e6 * best.value(3)).isGreaterThanOrEqualTo(price.low());
    // A cheaper audit rate at the same cap and penalty, where one was evaluated, is worse.
    for (SearchPoint p : r.points()) {
      if (p.value(0) == best.value(0)
          && p.value(1) == best.value(1)
          && p.value(3) == best.value(3)
          && p.value(2) < best.value(2)) {
        assertThat(r.difference(p).mean()).isNegative();
      }
    }
  }

  @Test
  void every_shipped_search_loads_and_its_coarse_grid_is_valid() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files =
          s.filter(p -> p.toString().endsWith(".yaml"))
              .filter(SearchLoader::isSearch)
              .sorted()
              .toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "policy-search.yaml",
            "policy-search-deterrence.yaml",
            "policy-search-planner-cap.yaml");
    for (Path f : files) {
      PolicySearch s = SearchLoader.load(f);
      assertThat(s.parameters()).as(f.toString()).isNotEmpty();
    }
  }
}
