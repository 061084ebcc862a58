package org.computecap.engine.program;

/**
 * Recognition of another program's permits (issue 18, "linked jurisdictions"), the program's
 * optional {@code linking} section: with it the registry issues <em>linked units</em> for permits
 * that another program's registry cancelled, the way linked registries move a permit (cancelled at
 * the origin, a recognised unit issued at the destination); without it the registry keeps no
 * linking state, so every other program's state hash is what it was before linking existed. A
 * two-way link is two programs that each have the section.
 *
 * @param exchangeRatePpm units of this program one permit of the origin becomes, in parts per
 *     million (10^6: one for one)
 * @param quotaPpm the most linked units a vintage may receive, a share of that vintage's cap in
 *     parts per million; {@link #NO_QUOTA} for none
 */
public record Linking(long exchangeRatePpm, long quotaPpm) {

  /** {@code quotaPpm} of a link without a quota. */
  public static final long NO_QUOTA = -1;

  /** Whether the link bounds the linked units a vintage may receive. */
  public boolean hasQuota() {
    return quotaPpm != NO_QUOTA;
  }

  /** {@code floor(originPermits · exchangeRatePpm / 10^6)}, exact (no overflow). */
  public long units(long originPermits) {
    return Ppm.floorOf(originPermits, exchangeRatePpm);
  }

  /** The most linked units a vintage with cap {@code capPermits} may receive. */
  public long quotaUnits(long capPermits) {
    return hasQuota() ? Ppm.floorOf(capPermits, quotaPpm) : Long.MAX_VALUE;
  }
}
