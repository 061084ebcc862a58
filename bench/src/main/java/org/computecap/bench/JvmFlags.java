package org.computecap.bench;

/**
 * JVM flags of the benchmark forks. Chronicle (under exchange-core) reaches into JDK internals,
 * which Java 17 closes unless these exports and opens are given; our engine needs none of them, but
 * every fork gets the same flags so both engines run on the same JVM settings.
 */
final class JvmFlags {
  static final String HEAP = "-Xmx3g";
  static final String HEAP_MIN = "-Xms3g";

  /**
   * Touches the whole heap at start-up: on this virtual machine the first touch of a page costs
   * time that the process's CPU clock does not see, and a benchmark that grows its memory (the
   * in-memory journal) paid it inside the measurement while the others did not.
   */
  static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

  static final String E1 = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
  static final String E2 = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
  static final String E3 = "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED";
  static final String E4 = "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED";
  static final String O1 = "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED";
  static final String O2 = "--add-opens=java.base/java.lang=ALL-UNNAMED";
  static final String O3 = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
  static final String O4 = "--add-opens=java.base/java.io=ALL-UNNAMED";
  static final String O5 = "--add-opens=java.base/java.util=ALL-UNNAMED";
  static final String O6 = "--add-opens=java.base/java.nio=ALL-UNNAMED";
  static final String O7 = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
  static final String O8 = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";

  private JvmFlags() {}
}
