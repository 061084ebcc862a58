package org.computecap.economics.audit;

/**
 * Escalating audits (issue 17): after a detected violation an account's audit probability rises by
 * {@code step} and the raise decays by the fraction {@code decay} each period ({@code x' = (1 -
 * decay)·x + step·[detected]}). For a developer that keeps evading, the expected raise follows
 * {@code E[x_{t+1}] = (1 - decay + step)·E[x_t] + step·rho} from {@code x_0 = 0}, so the present
 * value at discount factor {@code beta} of its audit probabilities is {@code rho/(1 - beta)·(1 +
 * step·beta/(1 - beta·(1 - decay + step)))}. The annuity equivalent,
 *
 * <pre>
 *   rho_esc = rho·(1 + step·beta/(1 - beta·(1 - decay + step))),
 * </pre>
 *
 * replaces rho in P2 Cor 3 for persistent evasion ({@code rho_esc·phi'(0) >= p}). The recursion
 * ignores that a probability stops at 1, so it is exact while {@code rho + x} stays below 1 and an
 * upper bound otherwise. It needs {@code beta·(1 - decay + step) < 1} (otherwise the expected raise
 * grows faster than the discounting).
 */
public record Escalation(double step, double decay, double discount) {

  /** Validates step and decay in [0, 1], discount in [0, 1) and the convergence condition. */
  public Escalation {
    Arguments.probability("step", step);
    Arguments.probability("decay", decay);
    if (!(discount >= 0.0 && discount < 1.0)) {
      throw new IllegalArgumentException("discount must be in [0, 1), was " + discount);
    }
    if (!(discount * (1.0 - decay + step) < 1.0)) {
      throw new IllegalArgumentException(
          "discount·(1 - decay + step) must be < 1, was " + discount * (1.0 - decay + step));
    }
  }

  /**
   * The factor {@code 1 + step·beta/(1 - beta·(1 - decay + step))} escalation multiplies rho by.
   */
  public double factor() {
    return 1.0 + step * discount / (1.0 - discount * (1.0 - decay + step));
  }

  /** {@code rho_esc}: the annuity-equivalent audit probability of a persistent evader. */
  public double effectiveAuditProbability(double rho) {
    Arguments.probability("rho", rho);
    return rho * factor();
  }

  /** Whether escalation deters persistent evasion: {@code rho_esc·linear >= p}. */
  public boolean deters(double price, double rho, double linear) {
    Arguments.nonNegative("price", price);
    Arguments.nonNegative("linear", linear);
    return effectiveAuditProbability(rho) * linear >= price;
  }

  /** The smallest base audit probability that deters: {@code p/(linear·factor)}, not clipped. */
  public double minimumBaseAuditProbability(double price, double linear) {
    Arguments.nonNegative("price", price);
    Arguments.positive("linear", linear);
    return price / (linear * factor());
  }

  /**
   * The long-run mean audit probability of a persistent evader without discounting, {@code
   * rho·decay/(decay - step)}; infinite when {@code step >= decay} (the raise never settles).
   */
  public static double longRunAuditProbability(double rho, double step, double decay) {
    Arguments.probability("rho", rho);
    Arguments.probability("step", step);
    Arguments.probability("decay", decay);
    if (step == 0.0) {
      return rho;
    }
    return step >= decay ? Double.POSITIVE_INFINITY : rho * decay / (decay - step);
  }
}
