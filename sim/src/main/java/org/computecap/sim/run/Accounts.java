package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.computecap.sim.agent.Developer;

/**
 * The one mapping between the simulator's developer indexes (0-based, the order of every output
 * row) and the engine's account ids. Developer accounts are {@code FIRST_DEVELOPER_ID + index}; the
 * insurer's is the next id after the last developer. Every conversion in the simulator goes through
 * here, and an id that is not a developer's maps to -1 instead of to a wrong index. A developer's
 * record is replaced when its efficiency investment changes its intensity ({@link #replace}); its
 * index and account never change.
 */
final class Accounts {
  static final long FIRST_DEVELOPER_ID = 1;

  private final List<Developer> developers;

  Accounts(List<Developer> developers) {
    for (int i = 0; i < developers.size(); i++) {
      if (developers.get(i).accountId() != FIRST_DEVELOPER_ID + i) {
        throw new AssertionError("developer " + i + " has account " + developers.get(i));
      }
    }
    this.developers = new ArrayList<>(developers);
  }

  int size() {
    return developers.size();
  }

  Developer developer(int index) {
    return developers.get(index);
  }

  List<Developer> developers() {
    return Collections.unmodifiableList(developers);
  }

  /** Replaces developer {@code index} with {@code d}, the same developer after investing. */
  void replace(int index, Developer d) {
    if (d.index() != index) {
      throw new AssertionError("developer " + d.index() + " put at index " + index);
    }
    developers.set(index, d);
  }

  /** The account id of developer {@code index}. */
  long id(int index) {
    return FIRST_DEVELOPER_ID + index;
  }

  /** The developer index of account {@code accountId}, or -1 when it is not a developer's. */
  int index(long accountId) {
    long i = accountId - FIRST_DEVELOPER_ID;
    return i >= 0 && i < developers.size() ? (int) i : -1;
  }

  /** The insurer's account id. */
  long insurerId() {
    return FIRST_DEVELOPER_ID + developers.size();
  }
}
