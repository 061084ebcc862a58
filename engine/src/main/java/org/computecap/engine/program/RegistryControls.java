package org.computecap.engine.program;

/**
 * The registry controls of issue 15 that belong to this part (the program's optional {@code
 * registryControls} section): what happens to a surrender after its period's deadline, and the
 * account lifecycle ({@code SetAccountStatus}). Without the section the engine keeps no lifecycle
 * state at all, so every other program's state hash is what it was before the controls existed.
 *
 * <p>The surrender deadline of a period is its {@code ClosePeriod}: compliance assesses the period
 * there, so a surrender for it counts only until then. A later surrender for the period follows
 * {@link #lateSurrender()}, also without the section (where it is {@link
 * LateSurrenderPolicy#REFUSED}).
 *
 * @param enabled whether the program has the section: then the engine keeps the lifecycle state and
 *     accepts {@code SetAccountStatus}
 * @param lateSurrender what a surrender for a closed period does
 */
public record RegistryControls(boolean enabled, LateSurrenderPolicy lateSurrender) {

  /** A program without the section: late surrenders refused, no account lifecycle. */
  public static final RegistryControls NONE =
      new RegistryControls(false, LateSurrenderPolicy.REFUSED);
}
