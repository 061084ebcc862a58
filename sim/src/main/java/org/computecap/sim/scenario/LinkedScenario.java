package org.computecap.sim.scenario;

import java.util.List;
import org.computecap.economics.link.LinkRegime;

/**
 * A linked run (issue 18): two programs, each with its own developers, market settings and engine,
 * whose registries may recognise each other's permits. The first jurisdiction is the origin of a
 * one-way link (the second recognises its permits); a two-way link also carries the second's units
 * to the first at the inverse rate.
 *
 * @param seed the run's seed; each jurisdiction's scenario carries a seed derived from it
 * @param periods periods every jurisdiction runs
 * @param regime which permits are recognised
 * @param exchangeRate units of the second program one permit of the first becomes
 * @param quotaShare the most linked units a vintage may receive, a share of the recipient's cap
 *     (NaN: no quota)
 * @param jurisdictions the two jurisdictions, in order
 * @param moves the developers that may relocate between them, each with its mirror on the other
 *     side
 */
public record LinkedScenario(
    String name,
    String description,
    long seed,
    int periods,
    LinkRegime regime,
    double exchangeRate,
    double quotaShare,
    List<Jurisdiction> jurisdictions,
    List<Mobile> moves) {

  public LinkedScenario {
    jurisdictions = List.copyOf(jurisdictions);
    moves = List.copyOf(moves);
  }

  /**
   * One jurisdiction: its name and its scenario (program with the link's {@code linking} section,
   * its own developers followed by the mirrors of the other jurisdiction's mobile developers).
   *
   * @param ownDevelopers how many developers (expanded) start here; the mirrors follow them
   */
  public record Jurisdiction(String name, Scenario scenario, int ownDevelopers) {}

  /**
   * A developer that may move: developer {@code index} of jurisdiction {@code from}, whose mirror
   * is developer {@code mirror} of the other jurisdiction, and what moving costs it a period.
   */
  public record Mobile(int from, int index, int mirror, double relocationCostCents) {}
}
