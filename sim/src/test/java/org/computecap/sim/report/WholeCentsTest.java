package org.computecap.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.computecap.figures.CsvTable;
import org.computecap.sim.run.ClassPeriodRow;
import org.computecap.sim.run.DeveloperPeriodRow;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CSV convention (docs/simulator.md, Outputs): a {@code _cents} column is integer cents, and
 * only a price (a VWAP, a theoretical or expected price) carries fractions of a cent. Money a
 * developer pays, its efficiency investment included (issue 13), is whole cents where it is
 * charged, so its columns print as integers and the class rows add up to the period exactly.
 */
class WholeCentsTest {
  /**
   * developer-periods.csv's drawn cost parameters are coefficients of a cost function a scenario
   * may give in fractions of a cent, not money paid.
   */
  private static final Set<String> PARAMETERS =
      Set.of("effort_cost_cents", "manipulation_cost_cents", "relocation_cost_cents");

  private static SimulationResult run;

  @BeforeAll
  static void runEfficiency() {
    run =
        Simulator.run(
            ScenarioLoader.load(Path.of("..", "scenarios", "efficiency.yaml")), null, null);
  }

  @Test
  void every_cents_cell_that_is_not_a_price_is_a_whole_number_in_every_file_of_an_investing_run() {
    assertWholeCents("periods.csv", Outputs.PERIODS, run.periods());
    assertWholeCents("class-periods.csv", Outputs.CLASS_PERIODS, run.classPeriods());
    assertWholeCents("developers.csv", Outputs.DEVELOPERS, run.developers());
    assertWholeCents("developer-periods.csv", Outputs.DEVELOPER_PERIODS, run.developerPeriods());
  }

  @Test
  void what_each_developer_pays_for_efficiency_is_whole_cents_where_it_is_charged() {
    assertThat(run.developerPeriods())
        .filteredOn(DeveloperPeriodRow::active)
        .extracting(DeveloperPeriodRow::investmentCents)
        .allSatisfy(c -> assertThat(c).isEqualTo(Math.rint(c)))
        .anySatisfy(c -> assertThat(c).isPositive());
  }

  @Test
  void the_class_rows_investment_adds_up_to_the_periods_investment_exactly() {
    for (PeriodResult p : run.periods()) {
      long classes = 0;
      for (ClassPeriodRow row : run.classPeriods()) {
        if (row.period() == p.period()) {
          classes += (long) row.investmentCents();
        }
      }
      assertThat(p.investment()).isPositive();
      assertThat((double) classes).as("period %d", p.period()).isEqualTo(p.investment());
    }
  }

  private static <T> void assertWholeCents(String file, CsvTable<T> table, List<T> rows) {
    assertThat(rows).as(file).isNotEmpty();
    List<String> header = table.header();
    List<List<String>> lines = parse(table.text(rows));
    int checked = 0;
    for (int l = 1; l < lines.size(); l++) {
      List<String> cells = lines.get(l);
      for (int c = 0; c < header.size(); c++) {
        String name = header.get(c);
        if (!name.endsWith("_cents") || name.contains("price") || PARAMETERS.contains(name)) {
          continue;
        }
        if (!cells.get(c).isEmpty()) {
          assertThat(cells.get(c)).as("%s line %d %s", file, l + 1, name).matches("-?[0-9]+");
          checked++;
        }
      }
    }
    assertThat(checked).as(file).isPositive();
  }

  /** The file's lines as cells, a quoted name with a comma read as one cell. */
  private static List<List<String>> parse(String text) {
    try (MappingIterator<List<String>> it =
        new CsvMapper()
            .readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(text)) {
      return it.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
