package org.computecap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.registry.Ledger;

/**
 * The module table of {@code docs/architecture.md}, enforced on the compiled classes of every
 * module (issue 10): economics and figures depend on nothing of ours; the engine on no other
 * module; only the adapters that run a server (cli, bench) depend on the server, and the PostgreSQL
 * journal reaches it only through the engine's {@code JournalProvider}; the simulator drives the
 * engine and reads the economics and nothing else of ours; and no class outside the engine touches
 * its write side. Maven's module graph already refuses a missing dependency at compile time; these
 * rules refuse one that someone adds to a pom.
 */
@AnalyzeClasses(packages = "org.computecap", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependenciesTest {
  private static final String ECONOMICS = "org.computecap.economics..";
  private static final String FIGURES = "org.computecap.figures..";
  private static final String ENGINE = "org.computecap.engine..";
  private static final String SIM = "org.computecap.sim..";
  private static final String SERVER = "org.computecap.server..";
  private static final String JOURNAL_POSTGRES = "org.computecap.journal.postgres..";
  private static final String CLI = "org.computecap.cli..";
  private static final String BENCH = "org.computecap.bench..";

  @ArchTest
  static final ArchRule economics_depends_on_nothing =
      classes()
          .that()
          .resideInAPackage(ECONOMICS)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(ECONOMICS, "java..")
          .because("the papers' closed forms are pure functions over double");

  @ArchTest
  static final ArchRule figures_depends_on_no_other_module =
      noClasses()
          .that()
          .resideInAPackage(FIGURES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ECONOMICS, "org.computecap.engine..", "org.computecap.sim..", SERVER, CLI, BENCH)
          .because("the one chart stack draws what it is given, for every module alike");

  @ArchTest
  static final ArchRule the_engine_depends_on_no_other_module =
      classes()
          .that()
          .resideInAPackage(ENGINE)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(ENGINE, "java..", "com.fasterxml.jackson..")
          .because(
              "the engine has no double, so not the economics, and knows no adapter;"
                  + " its only library reads the program's YAML");

  @ArchTest
  static final ArchRule only_the_cli_and_the_benchmarks_depend_on_the_server =
      classes()
          .that()
          .resideInAPackage(SERVER)
          .should()
          .onlyHaveDependentClassesThat()
          .resideInAnyPackage(SERVER, CLI, BENCH);

  @ArchTest
  static final ArchRule the_postgres_journal_depends_on_the_engine_only =
      noClasses()
          .that()
          .resideInAPackage(JOURNAL_POSTGRES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ECONOMICS, SIM, SERVER, CLI, BENCH)
          .because("it plugs into the server through the engine's JournalProvider");

  @ArchTest
  static final ArchRule the_simulator_depends_on_the_engine_and_the_economics_only =
      noClasses()
          .that()
          .resideInAPackage(SIM)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SERVER, JOURNAL_POSTGRES, CLI, BENCH);

  @ArchTest
  static final ArchRule no_adapter_touches_the_engines_write_side =
      noClasses()
          .that()
          .resideOutsideOfPackage(ENGINE)
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.belongToAnyOf(WriteAccess.class, Ledger.class)
                  .or(
                      JavaClass.Predicates.resideInAPackage(ENGINE)
                          .and(JavaClass.Predicates.simpleNameEndingWith("Handler"))))
          .because("adapters submit commands; only Engine.apply changes the state");
}
