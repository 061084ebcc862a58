package org.computecap.engine.program;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * An evaluation's outcome (P2 Sec 3.1): the name of one of the program's risk classes. The
 * two-class form of P2 has L (low risk, multiplier 1) and H (high risk, multiplier alpha); a
 * program may define more classes ({@link Program.Risk}). The regulator's evaluator and an insurer
 * each record their own. Whether a signal is a class of the program is the handler's rule (a typed
 * rejection), not the type's: a command carries a name, the program gives it a meaning.
 *
 * <p>It is written as its name everywhere (snapshot, state hash, JSON), as the two-constant enum it
 * replaces was, so that every existing state hash and document stays the same.
 *
 * @param name 1 to 16 letters, digits or underscores, beginning with a letter
 */
public record RiskSignal(@JsonValue String name) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,15}");

  /** Low risk in P2's two-class form. */
  public static final RiskSignal L = new RiskSignal("L");

  /** High risk in P2's two-class form. */
  public static final RiskSignal H = new RiskSignal("H");

  /** Validates the name. */
  public RiskSignal {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "signal must be 1 to 16 letters, digits or underscores beginning with a letter, was "
              + (name == null ? "null" : "'" + name + "'"));
    }
  }

  /** The signal called {@code name} (the constants for L and H). */
  @JsonCreator
  public static RiskSignal valueOf(String name) {
    if ("L".equals(name)) {
      return L;
    }
    if ("H".equals(name)) {
      return H;
    }
    return new RiskSignal(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
