package org.computecap.economics.efficiency;

/**
 * How next period's free allocation follows from this one's, as seen by one developer: {@code
 * A_(t+1) = persistence·A_t + ownShare·(own energy in t)}. A unit of energy used in period t thus
 * returns {@code sigma_t = sum_(j>=1, t+j<T) delta^j·ownShare·persistence^(j-1)} units of permits
 * (in period-t value) over the rest of the horizon T, so the developer's effective energy price in
 * t is {@code p·(1 - sigma_t)}: whatever it saves in energy it partly loses in future allocation.
 *
 * <p>Benchmarking (P1: {@code A_i = O_i·B·C_i}, B from the industry's best) takes B from the
 * others' efficiency, so a developer's own effort leaves its allocation unchanged (ownShare 0): the
 * allocation is a lump sum. That holds for a developer outside the benchmark's best percentile or
 * with a negligible weight in it; one with weight w in B would get back about w of a unit, like a
 * grandfathering with update share w (not modelled here). Grandfathering updated on own history
 * moves a share of the allocation towards last period's own emissions each period, so cutting
 * energy cuts future free permits; with update share 0 it is fixed and the same as benchmarking.
 */
public sealed interface AllocationRule {

  /** Share of next period's allocation carried over from this period's. */
  double persistence();

  /** Permits added next period per unit of own energy this period. */
  double ownShare();

  /** {@code A_(t+1)} from {@code A_t} and own energy in t. */
  default double nextAllocation(double current, double ownEnergy) {
    return persistence() * current + ownShare() * ownEnergy;
  }

  /**
   * {@code sigma_t} for t = 0..horizon-1 at the per-period discount factor {@code discount}: the
   * present value, in period t, of the future allocation one unit of energy in t brings. In [0, 1)
   * when discount &lt; 1.
   */
  default double[] returnedShare(double discount, int horizon) {
    double[] sigma = new double[horizon];
    for (int t = horizon - 2; t >= 0; t--) {
      sigma[t] = discount * (ownShare() + persistence() * sigma[t + 1]);
    }
    return sigma;
  }

  /** Free allocation from the industry benchmark: the developer's own energy does not enter. */
  record Benchmarking() implements AllocationRule {
    @Override
    public double persistence() {
      return 1.0;
    }

    @Override
    public double ownShare() {
      return 0.0;
    }
  }

  /**
   * Grandfathering updated on own history: each period a share {@code updateShare} in [0, 1] of the
   * allocation is replaced by last period's own energy (0: fixed grandfathering; 1: next period's
   * allocation is this period's energy).
   */
  record Grandfathering(double updateShare) implements AllocationRule {
    /** Validates the share. */
    public Grandfathering {
      if (!(updateShare >= 0.0 && updateShare <= 1.0)) {
        throw new IllegalArgumentException("updateShare must be in [0, 1], was " + updateShare);
      }
    }

    @Override
    public double persistence() {
      return 1.0 - updateShare;
    }

    @Override
    public double ownShare() {
      return updateShare;
    }
  }
}
