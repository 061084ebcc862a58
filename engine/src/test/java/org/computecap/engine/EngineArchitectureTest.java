package org.computecap.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.Registry;

/**
 * The engine's shape, checked on its compiled classes (issue 10): the feature packages form no
 * cycle; the kernel types in the root package depend on no feature; and the state changes only
 * inside {@link Engine#apply}, through the one {@link WriteAccess}: no public method of the state
 * types writes the state, the registry's mutators are reached only through {@link Ledger}, and the
 * period advances only through {@link WriteAccess}. The module rules (who may depend on whom) are
 * in module {@code architecture}; {@link ArchitectureGuardsTest} shows these rules catch what they
 * are meant to.
 */
@AnalyzeClasses(
    packages = "org.computecap.engine",
    importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {
  private static final String ROOT = "org.computecap.engine";

  /**
   * The root package is the kernel (Result, Rejection, Event, FeatureState, CanonicalWriter) and
   * the composition root (Engine, EngineState, WriteAccess, ProgramParser, Snapshot), which names
   * every feature; the features sit in the sub-packages, which must form a DAG among themselves.
   */
  @ArchTest
  static final ArchRule the_engine_packages_form_no_cycle =
      slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule the_kernel_types_depend_on_no_feature =
      classes()
          .that()
          .resideInAPackage(ROOT)
          .and()
          .doNotBelongToAnyOf(
              Engine.class,
              EngineState.class,
              WriteAccess.class,
              ProgramParser.class,
              Snapshot.class)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(ROOT, "java..")
          .because("features build on the kernel; only the composition root names features");

  @ArchTest
  static final ArchRule only_the_engine_creates_the_write_access =
      noClasses()
          .that()
          .doNotBelongToAnyOf(Engine.class, WriteAccess.class)
          .should()
          .callConstructor(WriteAccess.class, EngineState.class);

  @ArchTest
  static final ArchRule the_period_advances_only_through_the_write_access =
      noClasses()
          .that()
          .doNotBelongToAnyOf(WriteAccess.class, EngineState.class)
          .should()
          .callMethod(EngineState.class, "advancePeriod");

  @ArchTest
  static final ArchRule the_registry_changes_only_through_the_ledger =
      noClasses()
          .that()
          .doNotBelongToAnyOf(Ledger.class, Registry.class)
          .should()
          .callMethodWhere(
              DescribedPredicate.describe(
                  "a non-public method of Registry",
                  (JavaMethodCall call) ->
                      call.getTargetOwner().isEquivalentTo(Registry.class)
                          && !call.getTarget()
                              .resolveMember()
                              .map(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                              .orElse(true)));

  @ArchTest
  static final ArchRule the_public_methods_of_the_state_change_nothing =
      methods()
          .that(areReadSideMethodsOfTheState())
          .should(changeNoState())
          .because("adapters read the state; only Engine.apply may change it");

  /**
   * Public methods of public state types (EngineState, Registry, every FeatureState) that do not
   * take a {@link WriteAccess}: what an adapter holding the state can call.
   */
  static DescribedPredicate<JavaMethod> areReadSideMethodsOfTheState() {
    return DescribedPredicate.describe(
        "are public methods of the state types that take no WriteAccess",
        m ->
            m.getModifiers().contains(JavaModifier.PUBLIC)
                && !m.getModifiers().contains(JavaModifier.STATIC)
                && m.getOwner().getModifiers().contains(JavaModifier.PUBLIC)
                && isStateType(m.getOwner())
                && m.getRawParameterTypes().stream()
                    .noneMatch(t -> t.isEquivalentTo(WriteAccess.class)));
  }

  /** Whether objects of {@code c} (or of the class it is nested in) are part of the state. */
  static boolean isStateType(JavaClass c) {
    JavaClass top = topLevel(c);
    return top.isEquivalentTo(EngineState.class)
        || top.isEquivalentTo(Registry.class)
        || top.getFullName().equals(ROOT + ".registry.Account")
        || top.isAssignableTo(FeatureState.class);
  }

  private static JavaClass topLevel(JavaClass c) {
    JavaClass t = c;
    while (t.getEnclosingClass().isPresent()) {
      t = t.getEnclosingClass().get();
    }
    return t;
  }

  /**
   * Writes no non-transient field of a state type, neither directly nor through the methods it
   * calls inside the engine, and calls no mutator of a collection it read from such a field ({@code
   * put}, {@code add}, {@code remove}... on the field's own type). Transient fields are not part of
   * the state (the context of a running command, what the next invariant check must revisit), so
   * writing them is allowed.
   */
  static ArchCondition<JavaMethod> changeNoState() {
    return new ArchCondition<>("change no field of the state") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Deque<JavaCodeUnit> todo = new ArrayDeque<>();
        Set<JavaCodeUnit> seen = new HashSet<>();
        todo.push(method);
        while (!todo.isEmpty()) {
          JavaCodeUnit unit = todo.pop();
          if (seen.add(unit)) {
            checkUnit(method, unit, events);
            for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
              call.getTarget()
                  .resolveMember()
                  .filter(m -> m.getOwner().getPackageName().startsWith(ROOT))
                  .ifPresent(todo::push);
            }
          }
        }
      }
    };
  }

  private static final Set<String> COLLECTION_MUTATORS =
      Set.of(
          "add",
          "addAll",
          "put",
          "putAll",
          "putNew",
          "putIfAbsent",
          "merge",
          "compute",
          "computeIfAbsent",
          "computeIfPresent",
          "remove",
          "removeIf",
          "clear",
          "set",
          "replaceAll",
          "poll",
          "pollFirst",
          "pollLast",
          "pollFirstEntry",
          "pollLastEntry");

  private static void checkUnit(JavaMethod method, JavaCodeUnit unit, ConditionEvents events) {
    // Type and line of every state field read: a mutator called on that type on the same line is
    // taken as called on the field (the class files do not say which object a call is made on).
    Set<String> collectionsRead = new HashSet<>();
    for (JavaFieldAccess access : unit.getFieldAccesses()) {
      JavaField field = access.getTarget().resolveMember().orElse(null);
      if (field == null || !isStateField(field)) {
        continue;
      }
      if (access.getAccessType() == JavaFieldAccess.AccessType.SET) {
        events.add(violation(method, access, "writes " + field.getFullName()));
      } else {
        collectionsRead.add(field.getRawType().getName() + "@" + access.getLineNumber());
      }
    }
    for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
      AccessTarget.MethodCallTarget target = call.getTarget();
      if (COLLECTION_MUTATORS.contains(target.getName())
          && collectionsRead.contains(target.getOwner().getName() + "@" + call.getLineNumber())) {
        events.add(violation(method, call, "calls " + target.getFullName() + " on a state field"));
      }
    }
  }

  private static boolean isStateField(JavaField field) {
    return isStateType(field.getOwner())
        && !field.getModifiers().contains(JavaModifier.TRANSIENT)
        && !field.getModifiers().contains(JavaModifier.STATIC);
  }

  private static com.tngtech.archunit.lang.ConditionEvent violation(
      JavaMethod method, JavaAccess<?> access, String what) {
    return SimpleConditionEvent.violated(
        method,
        method.getFullName()
            + " "
            + what
            + " (in "
            + access.getOrigin().getFullName()
            + ", line "
            + access.getLineNumber()
            + ")");
  }
}
