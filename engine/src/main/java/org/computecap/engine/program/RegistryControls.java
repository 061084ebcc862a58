package org.computecap.engine.program;

/**
 * The registry controls of issue 15 that belong to this part (the program's optional {@code
 * registryControls} section): what happens to a surrender after its period's deadline, the account
 * lifecycle ({@code SetAccountStatus}) and holding limits. Without the section the engine keeps no
 * lifecycle state at all, so every other program's state hash is what it was before the controls
 * existed.
 *
 * <p>The surrender deadline of a period is its {@code ClosePeriod}: compliance assesses the period
 * there, so a surrender for it counts only until then. A later surrender for the period follows
 * {@link #lateSurrender()}, also without the section (where it is {@link
 * LateSurrenderPolicy#REFUSED}).
 *
 * @param enabled whether the program has the section: then the engine keeps the lifecycle state and
 *     accepts {@code SetAccountStatus}
 * @param lateSurrender what a surrender for a closed period does
 * @param holdingLimit the most permits one participant may hold, or {@link HoldingLimit#NONE}
 */
public record RegistryControls(
    boolean enabled, LateSurrenderPolicy lateSurrender, HoldingLimit holdingLimit) {

  /** A program without the section: late surrenders refused, no lifecycle, no holding limit. */
  public static final RegistryControls NONE =
      new RegistryControls(false, LateSurrenderPolicy.REFUSED, HoldingLimit.NONE);

  /**
   * A holding limit of California's type (17 CCR §95920): of the current period's cap, {@code
   * baseSharePpm} of the part up to {@code basePermits} plus {@code aboveBaseSharePpm} of the rest,
   * rounded down. California: base 25,000,000, 10% of it and 2.5% above (2.5 million plus 2.5% of
   * the budget above 25 million). {@code registry.HoldingLimitRule} applies it.
   *
   * @param basePermits the part of the cap the first share applies to
   * @param baseSharePpm share of the cap up to the base, in ppm
   * @param aboveBaseSharePpm share of the cap above the base, in ppm
   */
  public record HoldingLimit(long basePermits, long baseSharePpm, long aboveBaseSharePpm) {
    /** No holding limit. */
    public static final HoldingLimit NONE = new HoldingLimit(0, 0, 0);

    /** Whether a limit applies. */
    public boolean isOn() {
      return baseSharePpm != 0 || aboveBaseSharePpm != 0;
    }

    /** The limit for a period whose cap is {@code capPermits}. */
    public long limitPermits(long capPermits) {
      long base = Math.min(capPermits, basePermits);
      long above = Math.max(0, capPermits - basePermits);
      return Math.addExact(Ppm.floorOf(base, baseSharePpm), Ppm.floorOf(above, aboveBaseSharePpm));
    }
  }
}
