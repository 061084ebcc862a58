package org.computecap.economics.link;

/**
 * Which permits two programs A and B recognise: none (two separate markets), one way (B accepts A's
 * permits, A does not accept B's), or both ways. The direction of one-way recognition is fixed as A
 * to B; a caller with the other direction swaps the jurisdictions.
 */
public enum LinkRegime {
  NONE,
  ONE_WAY,
  TWO_WAY;

  /** Whether permits of A may become units of B. */
  public boolean aToB() {
    return this != NONE;
  }

  /** Whether permits of B may become units of A. */
  public boolean bToA() {
    return this == TWO_WAY;
  }
}
