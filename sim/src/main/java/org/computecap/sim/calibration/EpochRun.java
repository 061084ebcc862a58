package org.computecap.sim.calibration;

import java.time.LocalDate;
import java.util.List;

/**
 * One training run of Epoch AI's Notable AI Models data (Data: Epoch AI (epochai.org), CC BY 4.0),
 * as the calibrated scenario uses it: one row of the shipped extract.
 *
 * <p>A run with several organisations is attributed whole to the first one listed (its {@link
 * #organization()}, the lead); the full list stays in {@link #organizations()}. The category and
 * the country are the first listed too: Epoch lists them in the order of the organisations, but a
 * country list need not have one entry per organisation (one row of the data has six organisations
 * and seven countries), so only the first is read as the lead's.
 *
 * @param model the model's name, trimmed
 * @param organizations every organisation listed, in Epoch's order
 * @param date the publication date
 * @param domain Epoch's domain field as given (e.g. "Language" or "Multimodal,Language,Vision")
 * @param country the first listed country
 * @param category the first listed organisation category (Industry, Academia, Government, ...)
 * @param computeFlop training compute in FLOP
 * @param costUsd training compute cost in 2023 US dollars, or null when the data has none
 * @param frontier Epoch's "Frontier model" flag
 */
public record EpochRun(
    String model,
    List<String> organizations,
    LocalDate date,
    String domain,
    String country,
    String category,
    double computeFlop,
    Double costUsd,
    boolean frontier) {

  public EpochRun {
    organizations = List.copyOf(organizations);
    if (organizations.isEmpty()) {
      throw new IllegalArgumentException(model + ": no organisation");
    }
  }

  /** The lead organisation, the first listed: the developer the run is attributed to. */
  public String organization() {
    return organizations.get(0);
  }
}
