package org.computecap.engine.archfixture;

import java.util.TreeMap;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;

/**
 * A feature state written the way the architecture test forbids, so that {@code
 * ArchitectureGuardsTest} can show the rule catches it: public methods that change the state.
 */
public final class LeakyState implements FeatureState {
  private long count;
  private final TreeMap<Long, Long> seen = new TreeMap<>();
  private transient long checks;

  /** Changes a state field: must be reported. */
  public void bump() {
    count++;
  }

  /** Changes a state collection: must be reported. */
  public void remember(long key) {
    seen.put(key, key);
  }

  /** Changes the state through a private helper: must be reported. */
  public void bumpTwice() {
    increment();
    increment();
  }

  private void increment() {
    count++;
  }

  /** Reads only: allowed. */
  public long count() {
    return count + seen.size();
  }

  /** Writes a transient field, which is not state: allowed. */
  public void noteCheck() {
    checks++;
  }

  @Override
  public String name() {
    return "leaky";
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeLong(count);
  }

  @Override
  public void checkInvariants(EngineState state) {
    noteCheck();
  }
}
