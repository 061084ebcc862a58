package org.computecap.engine.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.computecap.engine.registry.SystemAccount;

/**
 * The {@code key=value} arguments of one script line, read by a verb. Every read names the line on
 * failure, and {@link #requireAllUsed()} refuses keys the verb did not read, so a typo ({@code
 * qyt=5}) is an error instead of a silently ignored argument.
 */
public final class ScriptArgs {
  private final int line;
  private final Path baseDir;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> used = new LinkedHashSet<>();

  ScriptArgs(int line, Path baseDir) {
    this.line = line;
    this.baseDir = baseDir;
  }

  void put(String key, String value) {
    if (values.put(key, value) != null) {
      throw new ScriptException(line, "argument " + key + " is given twice");
    }
  }

  public int line() {
    return line;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String string(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new ScriptException(line, "missing argument " + key + "=...");
    }
    used.add(key);
    return v;
  }

  public long longValue(String key) {
    String v = string(key);
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new ScriptException(line, key + " must be a whole number, got " + v);
    }
  }

  public long longValue(String key, long absent) {
    return has(key) ? longValue(key) : absent;
  }

  public int intValue(String key) {
    long v = longValue(key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new ScriptException(line, key + " must fit in 32 bits, got " + v);
    }
    return (int) v;
  }

  /** An account id: a number, or a system account's name such as {@code treasury}. */
  public long account(String key) {
    String v = string(key);
    for (SystemAccount s : SystemAccount.values()) {
      if (s.accountName().equals(v)) {
        return s.id();
      }
    }
    return longValue(key);
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String v = string(key);
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw new ScriptException(
          line,
          key
              + " must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + ", got "
              + v);
    }
  }

  public boolean booleanValue(String key) {
    String v = string(key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new ScriptException(line, key + " must be true or false, got " + v);
    }
    return v.equals("true");
  }

  /** The text of the file named by {@code key}, relative to the script's folder. */
  public String fileText(String key) {
    Path file = baseDir.resolve(string(key));
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScriptException(line, "cannot read " + key + " file " + file + ": " + e);
    }
  }

  /** Refuses every argument no read asked for. */
  public void requireAllUsed() {
    for (String key : values.keySet()) {
      if (!used.contains(key)) {
        throw new ScriptException(line, "unknown argument " + key);
      }
    }
  }
}
