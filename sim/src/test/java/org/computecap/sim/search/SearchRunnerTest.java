package org.computecap.sim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.experiment.CountingExecutor;
import org.computecap.sim.experiment.RunExecutor;
import org.computecap.sim.experiment.ThreadExecutor;
import org.computecap.sim.run.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchRunnerTest {

  static SearchResult run(PolicySearch s, Path out, RunExecutor ex) {
    return SearchRunner.run(s, out, ex, false, SearchRunner.Listener.SILENT);
  }

  @Test
  void the_search_refines_around_the_incumbent_and_reruns_nothing_it_has_evaluated(
      @TempDir Path dir) throws Exception {
    PolicySearch s = SearchLoaderTest.parse(SearchLoaderTest.SMALL);
    CountingExecutor ex = new CountingExecutor();
    SearchResult r = run(s, dir.resolve("a"), ex);
    // Coarse 4 points; each refinement adds at most the two neighbours of the incumbent.
    assertThat(r.points()).filteredOn(p -> p.round().equals("coarse")).hasSize(4);
    assertThat(r.points().size()).isBetween(5, 8);
    assertThat(ex.runs()).isEqualTo(r.points().size() * 3);
    for (SearchPoint p : r.points()) {
      if (p.round().startsWith("refine-")) {
        int k = Integer.parseInt(p.round().substring(7));
        double step = s.parameters().get(0).step(k);
        // Every refinement point is one spacing from a point evaluated before it.
        assertThat(r.points().subList(0, p.index()))
            .anySatisfy(q -> assertThat(Math.abs(q.value(0) - p.value(0))).isEqualTo(step));
      }
    }
    // The same file into the same folder resumes: nothing runs, the same tables come out.
    CountingExecutor again = new CountingExecutor();
    SearchResult r2 = run(s, dir.resolve("a"), again);
    assertThat(again.runs()).isZero();
    assertThat(r2.searchCsv()).isEqualTo(r.searchCsv());
    assertThat(Files.readString(dir.resolve("a").resolve("search.csv"))).isEqualTo(r.searchCsv());
  }

  @Test
  void the_search_is_deterministic_for_a_seed_whatever_the_threads(@TempDir Path dir) {
    PolicySearch s = SearchLoaderTest.parse(SearchLoaderTest.SMALL);
    SearchResult one = run(s, dir.resolve("one"), new ThreadExecutor(1));
    SearchResult two = run(s, dir.resolve("two"), new ThreadExecutor(2));
    assertThat(two.searchCsv()).isEqualTo(one.searchCsv());
    assertThat(two.optimumCsv()).isEqualTo(one.optimumCsv());
  }

  @Test
  void the_optimum_is_the_best_mean_and_the_near_optimal_set_follows_the_paired_intervals(
      @TempDir Path dir) {
    PolicySearch s = SearchLoaderTest.parse(SearchLoaderTest.SMALL);
    SearchResult r = run(s, dir, new ThreadExecutor(2));
    double best = r.objective(r.optimum()).mean();
    double shares = 0;
    for (SearchPoint p : r.points()) {
      // Minimised: no point has a lower mean.
      assertThat(r.objective(p).mean()).isGreaterThanOrEqualTo(best);
      Stats d = r.difference(p);
      assertThat(d.mean())
          .isCloseTo(
              r.objective(p).mean() - best,
              org.assertj.core.api.Assertions.within(1e-6 * Math.abs(best) + 1e-9));
      assertThat(r.nearOptimal(p)).isEqualTo(p == r.optimum() || d.low() <= 0.0);
      shares += r.argmaxShare(p);
    }
    assertThat(shares).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(r.nearOptimal(r.optimum())).isTrue();
    assertThat(r.optimumCsv().lines().toList()).hasSize(4);
  }

  // SMALL with the linear penalty as a second lever (4 x 3 coarse points), one refinement round,
  // 2 replications and the given extra fields.
  private static PolicySearch twoLevers(String extra) {
    return SearchLoaderTest.parse(
        SearchLoaderTest.SMALL
            .replace(
                "objective:",
                "  - {field: penalty.linearCentsPerPermit, from: 24000, to: 72000, points: 3}\n"
                    + "objective:")
            .replace("refinements: 2", "refinements: 1\n" + extra)
            .replace("replications: 3", "replications: 2"));
  }

  @Test
  void a_compass_round_moves_one_parameter_at_a_time(@TempDir Path dir) {
    PolicySearch s = twoLevers("refineBy: compass\nsurface: []");
    SearchResult r = run(s, dir, new ThreadExecutor(2));
    List<SearchPoint> refine =
        r.points().stream().filter(p -> p.round().equals("refine-1")).toList();
    assertThat(refine).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    SearchPoint incumbent = SearchResult.best(s, r.points().subList(0, 12));
    for (SearchPoint p : refine) {
      int moved = 0;
      for (int i = 0; i < 2; i++) {
        moved += p.values().get(i).equals(incumbent.values().get(i)) ? 0 : 1;
      }
      assertThat(moved).isEqualTo(1);
    }
  }

  @Test
  void the_surface_round_spans_the_surface_plane_and_every_levers_line_through_the_incumbent(
      @TempDir Path dir) {
    PolicySearch s = twoLevers("surface: [penalty.linearCentsPerPermit]");
    SearchResult r = run(s, dir, new ThreadExecutor(2));
    List<SearchPoint> before =
        r.points().stream().filter(p -> !p.round().equals("surface")).toList();
    SearchPoint incumbent = SearchResult.best(s, before);
    // After the search, both levers' coarse lines through the incumbent are evaluated.
    for (int i = 0; i < 2; i++) {
      for (var v : s.parameters().get(i).coarse()) {
        List<com.fasterxml.jackson.databind.JsonNode> point =
            new java.util.ArrayList<>(incumbent.values());
        point.set(i, v);
        assertThat(r.points()).anySatisfy(p -> assertThat(p.values()).isEqualTo(point));
      }
    }
    for (SearchPoint p : r.points()) {
      if (p.round().equals("surface")) {
        int moved = 0;
        for (int i = 0; i < 2; i++) {
          moved += p.values().get(i).equals(incumbent.values().get(i)) ? 0 : 1;
        }
        assertThat(moved).isEqualTo(1);
      }
    }
  }

  @Test
  void a_folder_that_holds_something_else_is_refused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    PolicySearch s = SearchLoaderTest.parse(SearchLoaderTest.SMALL);
    assertThatThrownBy(() -> run(s, dir, new ThreadExecutor(1)))
        .hasMessageContaining("is not empty and holds no search");
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
  }
}
