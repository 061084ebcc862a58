package org.computecap.economics.efficiency;

import java.util.function.DoubleUnaryOperator;
import org.computecap.economics.market.PriceRoot;

/**
 * A developer's joint choice of compute c and efficiency effort e when energy is priced at p (P1's
 * firm extended with energy, issue 13). It maximises
 *
 * <pre>
 *   U(c, e) = -c^(-k) - a·c - K(e) - p·E(e)·c + T,   E(e) = E0·(1 - e),
 *   K(e) = (kappa·e^2 + phi·e)/(1 - e)             (see {@link EffortCost})
 * </pre>
 *
 * where T is the lump sum of the {@link Instrument} (the value of a free allocation; zero under a
 * tax). First-order conditions:
 *
 * <pre>
 *   dU/dc = 0:  k·c^(-k-1) = a + p·E(e)     =>  c*(e) = (k/(a + p·E0·(1 - e)))^(1/(k+1))
 *   dU/de = 0:  p·E0·c*(e) = K'(e) = (kappa·e·(2 - e) + phi)/(1 - e)^2   (interior e*)
 *   e* = 0 exactly when p·E0·c*(0) &lt;= K'(0) = phi.
 * </pre>
 *
 * <p>Why the optimum is unique: with s = 1 - e the effort condition reads {@code G(s) =
 * s^2·(p·E0·c*(s) + kappa) = kappa + phi}, and {@code d ln G/d ln s >= 2 - 1/(k+1) > 0} because the
 * compute's elasticity to s is above {@code -1/(k+1)}. So G rises strictly from 0 at s = 0, the
 * sign of dU/de changes at most once, and U is quasi-concave in e although not concave (the
 * envelope of U over c is convex in the energy price). There is no closed form for e* (the
 * condition mixes c*'s power 1/(k+1) with the cost's (1 - e)^2), so it is found by {@link
 * PriceRoot}'s bracketing ITP in log e when e* &lt;= 1/2 and in log(1 - e) when e* &gt; 1/2, which
 * keeps the small one of e and 1 - e to relative precision. Then c* is P1's capped compute with
 * {@code b = p·E(e*)}.
 *
 * <p>The choice depends on the instrument only through its energy price: a tax and a permit price
 * that are equal give the same (c*, e*), because a free allocation that does not depend on the
 * developer's choices only adds a constant to U. Properties: e* rises with p (dU/de = p·E0·c*(e) -
 * K'(e) and p·c*(e) rises with p), energy E(e*)·c* falls with p (the maximum of U is convex in p
 * and its slope is minus energy), e* = 0 at p = 0 or E0 = 0, e* tends to 1 as p grows without
 * bound.
 */
public final class EfficiencyChoice {
  private static final double TOLERANCE = 1e-13;

  /**
   * The developer's optimum.
   *
   * @param compute c*
   * @param effort e* in [0, 1)
   * @param energyPerCompute E(e*) = E0·(1 - e*), computed from 1 - e* directly so it stays accurate
   *     when e* is close to 1
   * @param energy E(e*)·c*
   * @param utility U(c*, e*) including the instrument's lump sum
   */
  public record Choice(
      double compute, double effort, double energyPerCompute, double energy, double utility) {}

  private EfficiencyChoice() {}

  /** The optimum (c*, e*) of {@code firm} under {@code instrument}. */
  public static Choice optimum(EfficiencyFirm firm, Instrument instrument) {
    double price = instrument.energyPrice();
    Root root = root(firm, new double[] {1.0}, new double[] {price});
    double s = root.shareLeft();
    double e = root.effort();
    double c = firm.computeAtShare(s, price);
    double energyPerCompute = firm.energy0() * s;
    double cost = (firm.cost().kappa() * e * e + firm.cost().phi() * e) / s;
    double utility =
        -Math.pow(c, -firm.k())
            - firm.a() * c
            - cost
            - price * energyPerCompute * c
            + instrument.lumpSum();
    return new Choice(c, e, energyPerCompute, energyPerCompute * c, utility);
  }

  /** {@code U(c, e)} under the instrument, for c &gt; 0 and e in [0, 1). */
  public static double utility(EfficiencyFirm firm, double c, double e, Instrument instrument) {
    EfficiencyFirm.positive("compute", c);
    return -Math.pow(c, -firm.k())
        - firm.a() * c
        - firm.cost().cost(e)
        - instrument.energyPrice() * firm.energyPerCompute(e) * c
        + instrument.lumpSum();
  }

  /**
   * {@code dU/de} with compute at its optimum for e: {@code p·E0·c*(e) - K'(e)} (by the envelope
   * theorem). Zero at an interior e*, non-positive at e* = 0.
   */
  public static double marginalValueOfEffort(EfficiencyFirm firm, double e, double energyPrice) {
    return energyPrice * firm.energy0() * firm.compute(e, energyPrice) - firm.cost().marginal(e);
  }

  /**
   * The lowest energy price at which the developer invests: the p solving {@code p·E0·c*(0) = phi};
   * zero when phi = 0, infinite when E0 = 0. Unique because p·c*(0) rises with p.
   */
  public static double investmentThreshold(EfficiencyFirm firm) {
    double phi = firm.cost().phi();
    if (phi == 0.0) {
      return 0.0;
    }
    if (firm.energy0() == 0.0) {
      return Double.POSITIVE_INFINITY;
    }
    return PriceRoot.find(
        p -> phi - p * firm.energy0() * firm.computeAtShare(1.0, p), phi / firm.energy0(), 1e-13);
  }

  /**
   * The optimal effort e* and the share s* = 1 - e* of energy per compute it leaves, each as the
   * root finder found it (the other is 1 minus it), so the smaller one keeps its precision.
   */
  record Root(double effort, double shareLeft) {}

  /**
   * The optimal effort when it pays off over periods with weights {@code weights} (discount
   * factors) and effective energy prices {@code prices}: the root of {@code s^2·(P(s) + kappa) =
   * kappa + phi} with {@code P(s)} the weighted mean of {@code p_t·E0·c*_t(s)}; e* = 0 when there
   * is none in (0, 1).
   */
  static Root root(EfficiencyFirm firm, double[] weights, double[] prices) {
    double kappa = firm.cost().kappa();
    double target = kappa + firm.cost().phi();
    double total = 0.0;
    for (double w : weights) {
      total += w;
    }
    double weightSum = total;
    DoubleUnaryOperator saving = s -> meanSaving(firm, weights, prices, weightSum, s);
    DoubleUnaryOperator g = s -> s * s * (saving.applyAsDouble(s) + kappa);
    if (!(g.applyAsDouble(1.0) > target)) {
      return new Root(0.0, 1.0);
    }
    Root root;
    if (g.applyAsDouble(0.5) > target) {
      double s = PriceRoot.find(x -> target - g.applyAsDouble(x), 0.5, TOLERANCE);
      root = new Root(1.0 - s, s);
    } else {
      // dU/de itself (not G) so that a tiny e* keeps its relative precision.
      double e =
          PriceRoot.find(
              x -> saving.applyAsDouble(1.0 - x) - firm.cost().marginal(x), 0.5, TOLERANCE);
      root = new Root(e, 1.0 - e);
    }
    if (!(root.shareLeft() > 0.0 && root.effort() >= 0.0 && root.effort() < 1.0)) {
      throw new AssertionError("effort root outside [0, 1): " + root);
    }
    return root;
  }

  private static double meanSaving(
      EfficiencyFirm firm, double[] weights, double[] prices, double total, double s) {
    double sum = 0.0;
    for (int t = 0; t < weights.length; t++) {
      sum += weights[t] * prices[t] * firm.energy0() * firm.computeAtShare(s, prices[t]);
    }
    return sum / total;
  }
}
