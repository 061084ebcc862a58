package org.computecap.engine.program;

/**
 * How the free-allocation budget is shared (SPEC §4). BENCHMARK is P1's {@code A_i = O_i·B·C_i};
 * GRANDFATHER and UNIFORM exist for P1's ablation "benchmarking vs grandfathering".
 */
public enum AllocationMethod {
  BENCHMARK,
  GRANDFATHER,
  UNIFORM
}
