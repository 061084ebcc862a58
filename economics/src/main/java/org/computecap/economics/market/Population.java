package org.computecap.economics.market;

import java.util.Arrays;

/**
 * The developers of P2 Sec 3.1, stored column-wise in primitive arrays so that clearing a market of
 * 10^7 developers is a few tight loops with no boxing and no object per developer. Developer i has
 * a benefit family, its parameters (theta and beta for POWER, theta for LOG, k and a for P1; unused
 * ones are stored as 0) and an expected risk multiplier lambdaBar.
 *
 * <p>Invariant, checked on every add: theta &gt; 0 (POWER, LOG), 0 &lt; beta &lt; 1 (POWER), k &gt;
 * 0 and a &gt;= 0 (P1; with a = 0 the demand at a zero price is infinite), lambdaBar &gt; 0, every
 * value finite. P2's lambdaBar is a risk multiplier, at least 1; a simulator's is permits per unit
 * of compute (an intensity times the multiplier), which efficiency effort can bring below 1, and
 * nothing here needs more than a positive weight. Immutable once built; accessors return copies of
 * arrays.
 */
public final class Population {

  final byte[] family;
  final double[] theta;
  final double[] beta;
  final double[] k;
  final double[] a;
  final double[] lambdaBar;

  private Population(Builder builder) {
    int n = builder.size;
    family = Arrays.copyOf(builder.family, n);
    theta = Arrays.copyOf(builder.theta, n);
    beta = Arrays.copyOf(builder.beta, n);
    k = Arrays.copyOf(builder.k, n);
    a = Arrays.copyOf(builder.a, n);
    lambdaBar = Arrays.copyOf(builder.lambdaBar, n);
  }

  /** A builder for a population; add developers one by one. */
  public static Builder builder() {
    return new Builder(16);
  }

  /** A builder that allocates room for {@code expectedSize} developers up front. */
  public static Builder builder(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must be >= 0, was " + expectedSize);
    }
    return new Builder(Math.max(1, expectedSize));
  }

  /** Number of developers. */
  public int size() {
    return family.length;
  }

  public BenefitFamily family(int i) {
    return BenefitFamily.fromCode(family[i]);
  }

  public double theta(int i) {
    return theta[i];
  }

  public double beta(int i) {
    return beta[i];
  }

  public double k(int i) {
    return k[i];
  }

  public double a(int i) {
    return a[i];
  }

  public double lambdaBar(int i) {
    return lambdaBar[i];
  }

  /** Copies of the columns, in developer order. */
  public byte[] family() {
    return family.clone();
  }

  public double[] theta() {
    return theta.clone();
  }

  public double[] beta() {
    return beta.clone();
  }

  public double[] k() {
    return k.clone();
  }

  public double[] a() {
    return a.clone();
  }

  public double[] lambdaBar() {
    return lambdaBar.clone();
  }

  /** Arithmetic mean of lambdaBar, the normaliser of uniform command-and-control (Prop 6). */
  public double lambdaBarMean() {
    double sum = 0.0;
    for (double value : lambdaBar) {
      sum += value;
    }
    return sum / lambdaBar.length;
  }

  /** Collects developers, validating each as it is added so errors name its index. */
  public static final class Builder {
    private byte[] family;
    private double[] theta;
    private double[] beta;
    private double[] k;
    private double[] a;
    private double[] lambdaBar;
    private int size;

    private Builder(int capacity) {
      family = new byte[capacity];
      theta = new double[capacity];
      beta = new double[capacity];
      k = new double[capacity];
      a = new double[capacity];
      lambdaBar = new double[capacity];
    }

    /** A developer with {@code v(c) = theta·c^beta/beta}. */
    public Builder addPower(double theta, double beta, double lambdaBar) {
      return add(BenefitFamily.POWER, theta, beta, 0.0, 0.0, lambdaBar);
    }

    /** A developer with {@code v(c) = theta·ln c}. */
    public Builder addLog(double theta, double lambdaBar) {
      return add(BenefitFamily.LOG, theta, 0.0, 0.0, 0.0, lambdaBar);
    }

    /** A developer with the P1 utility {@code v(c) = -c^(-k) - a·c}. */
    public Builder addP1(double k, double a, double lambdaBar) {
      return add(BenefitFamily.P1, 0.0, 0.0, k, a, lambdaBar);
    }

    /**
     * A developer of any family; parameters the family does not use are stored as 0.
     *
     * @throws IllegalArgumentException naming the developer index and the field
     */
    public Builder add(
        BenefitFamily family, double theta, double beta, double k, double a, double lambdaBar) {
      if (family == null) {
        throw new IllegalArgumentException("developer " + size + ": family is null");
      }
      boolean power = family == BenefitFamily.POWER;
      boolean p1 = family == BenefitFamily.P1;
      if (!p1) {
        check(theta > 0.0 && Double.isFinite(theta), "theta", "finite and > 0", theta);
      }
      if (power) {
        check(beta > 0.0 && beta < 1.0, "beta", "in (0, 1)", beta);
      }
      if (p1) {
        check(k > 0.0 && Double.isFinite(k), "k", "finite and > 0", k);
        check(a >= 0.0 && Double.isFinite(a), "a", "finite and >= 0", a);
      }
      check(
          lambdaBar > 0.0 && Double.isFinite(lambdaBar), "lambdaBar", "finite and > 0", lambdaBar);
      ensureCapacity();
      this.family[size] = family.code();
      this.theta[size] = p1 ? 0.0 : theta;
      this.beta[size] = power ? beta : 0.0;
      this.k[size] = p1 ? k : 0.0;
      this.a[size] = p1 ? a : 0.0;
      this.lambdaBar[size] = lambdaBar;
      size++;
      return this;
    }

    /** The population; at least one developer is required. */
    public Population build() {
      if (size == 0) {
        throw new IllegalArgumentException("population must have at least 1 developer");
      }
      return new Population(this);
    }

    private void check(boolean ok, String field, String rule, double value) {
      if (!ok) {
        throw new IllegalArgumentException(
            "developer " + size + ": " + field + " must be " + rule + ", was " + value);
      }
    }

    private void ensureCapacity() {
      if (size < family.length) {
        return;
      }
      int capacity =
          family.length >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE - 8 : family.length * 2;
      family = Arrays.copyOf(family, capacity);
      theta = Arrays.copyOf(theta, capacity);
      beta = Arrays.copyOf(beta, capacity);
      k = Arrays.copyOf(k, capacity);
      a = Arrays.copyOf(a, capacity);
      lambdaBar = Arrays.copyOf(lambdaBar, capacity);
    }
  }
}
