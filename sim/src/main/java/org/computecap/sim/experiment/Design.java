package org.computecap.sim.experiment;

/**
 * How an experiment picks its cells. {@code FULL_FACTORIAL}: every combination of the factors'
 * values, the first factor varying slowest. {@code LIST}: the cells the file lists. {@code
 * LATIN_HYPERCUBE}: a seeded Latin-hypercube sample of {@code samples} cells, each factor's range
 * cut into that many strata with exactly one cell in each (McKay, Beckman and Conover 1979), for
 * many factors where a full grid is too large.
 */
public enum Design {
  FULL_FACTORIAL,
  LIST,
  LATIN_HYPERCUBE
}
