package org.computecap.sim.scenario;

/**
 * The damage of compute the program covers (issue 18, prices vs quantities): {@code D(Q) =
 * centsPerPermit·Q + slopeCentsPerPermitSquared·Q^2/2} cents a period, Q the covered quantity
 * developers used in the period in permits (risk-weighted compute, or energy in an energy program;
 * what the cap counts, evaders' unreported use included). Marginal damage is {@code centsPerPermit
 * + slopeCentsPerPermitSquared·Q}, so the slope is Weitzman's D''. Welfare less this damage is the
 * social welfare a cap, a tax and a hybrid are compared on; the benefit functions themselves carry
 * none of it.
 *
 * @param centsPerPermit marginal damage of the first permit, cents, >= 0
 * @param slopeCentsPerPermitSquared how fast marginal damage rises, cents a permit a permit, >= 0
 */
public record ComputeDamage(double centsPerPermit, double slopeCentsPerPermitSquared) {

  /** No damage (the default): social welfare is welfare. */
  public static final ComputeDamage NONE = new ComputeDamage(0, 0);

  /** {@code D(Q)} in cents. */
  public double cents(double permits) {
    return centsPerPermit * permits + slopeCentsPerPermitSquared * permits * permits / 2;
  }
}
