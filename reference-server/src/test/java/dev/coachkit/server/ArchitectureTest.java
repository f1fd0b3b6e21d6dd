package dev.coachkit.server;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dependency, placement and naming rules of STYLE.md section 1, checked over every production class of every
 * module. {@link ArchitectureRulesCanFailTest} proves each rule reports a class that breaks it.
 */
class ArchitectureTest {

  private static final String PORTS = "dev.coachkit.ports..";
  private static final String PORTS_IN = "dev.coachkit.ports.in..";
  private static final String PORTS_OUT = "dev.coachkit.ports.out..";
  private static final String DOMAIN = "dev.coachkit.domain..";
  private static final String ADAPTERS = "dev.coachkit.adapter..";
  private static final String SERVER = "dev.coachkit.server..";

  private static final DescribedPredicate<JavaClass> THE_JDK =
      resideInAPackage("java..").or(describe("primitives", JavaClass::isPrimitive)).as("the JDK");

  // 1. ports.. depends only on java.. and ports..
  static final ArchRule ports_depend_only_on_the_jdk_and_ports =
      classes().that().resideInAPackage(PORTS)
          .should().onlyDependOnClassesThat(THE_JDK.or(resideInAPackage(PORTS)))
          .allowEmptyShould(true);

  // 2. domain.. depends only on java.., ports.. and domain..
  static final ArchRule domain_depends_only_on_ports_and_the_jdk =
      classes().that().resideInAPackage(DOMAIN)
          .should().onlyDependOnClassesThat(THE_JDK.or(resideInAnyPackage(PORTS, DOMAIN)))
          .allowEmptyShould(true);

  // 3. ports.in.. and ports.out.. do not depend on each other
  static final ArchRule in_ports_do_not_depend_on_out_ports =
      noClasses().that().resideInAPackage(PORTS_IN)
          .should().dependOnClassesThat().resideInAPackage(PORTS_OUT)
          .allowEmptyShould(true);

  static final ArchRule out_ports_do_not_depend_on_in_ports =
      noClasses().that().resideInAPackage(PORTS_OUT)
          .should().dependOnClassesThat().resideInAPackage(PORTS_IN)
          .allowEmptyShould(true);

  // 4. ports.. and domain.. never depend on adapter.. or server..
  static final ArchRule ports_and_domain_never_depend_on_adapters_or_the_server =
      noClasses().that().resideInAnyPackage(PORTS, DOMAIN)
          .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, SERVER)
          .allowEmptyShould(true);

  // 5. adapter.. never depends on domain..
  static final ArchRule adapters_never_depend_on_the_domain =
      noClasses().that().resideInAPackage(ADAPTERS)
          .should().dependOnClassesThat().resideInAPackage(DOMAIN)
          .allowEmptyShould(true);

  // 6. the slices adapter.(*).. are independent of each other
  static final ArchRule adapters_are_independent_of_each_other =
      slices().matching("dev.coachkit.adapter.(*)..")
          .should().notDependOnEachOther()
          .allowEmptyShould(true);

  // 7. an adapter's ..internal.. package is used only by that adapter
  static final ArchRule an_adapters_internal_package_is_used_only_by_that_adapter =
      classes().that().resideInAPackage("dev.coachkit.adapter.*.internal..")
          .should(beUsedOnlyFromTheirOwnAdapter())
          .allowEmptyShould(true);

  // 8. placement
  static final ArchRule entities_live_only_in_the_persistence_adapter =
      classes().that().areAnnotatedWith("jakarta.persistence.Entity")
          .should().resideInAPackage("dev.coachkit.adapter.persistence..")
          .allowEmptyShould(true);

  static final ArchRule rest_and_websocket_endpoints_live_only_in_the_web_adapter =
      classes().that().areAnnotatedWith("jakarta.ws.rs.Path")
          .or().areAnnotatedWith("io.quarkus.websockets.next.WebSocket")
          .should().resideInAPackage("dev.coachkit.adapter.web..")
          .allowEmptyShould(true);

  static final ArchRule langchain4j_is_used_only_in_the_openai_adapter =
      noClasses().that().resideOutsideOfPackage("dev.coachkit.adapter.openai..")
          .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
          .allowEmptyShould(true);

  // 9. naming
  static final ArchRule in_port_interfaces_end_in_UseCase =
      classes().that().resideInAPackage(PORTS_IN)
          .and().areInterfaces()
          .and().areTopLevelClasses()
          .and().doNotHaveSimpleName("package-info")
          .and(describe("are not sealed (sealed result types are values, not use cases)",
              (JavaClass c) -> !isSealed(c)))
          .should().haveSimpleNameEndingWith("UseCase")
          .allowEmptyShould(true);

  static final ArchRule domain_classes_implementing_a_use_case_end_in_Service =
      classes().that().resideInAPackage(DOMAIN)
          .and().areTopLevelClasses()
          .and().implement(resideInAPackage(PORTS_IN).and(simpleNameEndingWith("UseCase")).as("a use case"))
          .should().haveSimpleNameEndingWith("Service")
          .allowEmptyShould(true);

  static final ArchRule no_port_type_is_named_after_a_technology =
      noClasses().that().resideInAPackage(PORTS)
          .should().haveNameMatching(".*\\.[^.]*(Jpa|Panache|OpenAi|Http)[^.]*")
          .as("no type in ports.. has Jpa, Panache, OpenAi or Http in its name")
          .allowEmptyShould(true);

  /** Every production class of every module; test classes and test jars (fakes, fixtures) are left out. */
  static JavaClasses productionClasses() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*")))
        .importPackages("dev.coachkit");
  }

  /** The rule fields of this class, named after their field. */
  static Stream<Named<ArchRule>> rules() {
    return Arrays.stream(ArchitectureTest.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == ArchRule.class)
        .map(ArchitectureTest::named);
  }

  private static Named<ArchRule> named(Field field) {
    try {
      return Named.of(field.getName(), (ArchRule) field.get(null));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnAdapter() {
    return new ArchCondition<>("be used only from their own adapter") {
      @Override
      public void check(JavaClass internalClass, ConditionEvents events) {
        String adapter = adapterRoot(internalClass.getPackageName());
        for (Dependency dependency : internalClass.getDirectDependenciesToSelf()) {
          String origin = dependency.getOriginClass().getPackageName();
          if (!(origin.equals(adapter) || origin.startsWith(adapter + "."))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** ArchUnit does not model sealed types; production classes are on the classpath, fixtures may not be. */
  private static boolean isSealed(JavaClass javaClass) {
    try {
      return javaClass.reflect().isSealed();
    } catch (RuntimeException | LinkageError notLoadable) {
      return false;
    }
  }

  /** {@code dev.coachkit.adapter.openai.internal.wire} becomes {@code dev.coachkit.adapter.openai}. */
  static String adapterRoot(String packageName) {
    String prefix = "dev.coachkit.adapter.";
    int end = packageName.indexOf('.', prefix.length());
    return end < 0 ? packageName : packageName.substring(0, end);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void givenAllProductionClasses_checkRule_findsNoViolation(ArchRule rule) {
    rule.check(ProductionClasses.ALL);
  }

  @org.junit.jupiter.api.Test
  void givenTheClasspath_importProductionClasses_seesEveryModuleButNoTestClasses() {
    JavaClasses classes = ProductionClasses.ALL;

    assertThat(classes.containPackage("dev.coachkit.ports.model.common")).isTrue();
    assertThat(classes.containPackage("dev.coachkit.adapter.web.auth")).isTrue();
    assertThat(classes.containPackage("dev.coachkit.server.config")).isTrue();
    assertThat(classes.stream().map(JavaClass::getName))
        .doesNotContain(ArchitectureTest.class.getName())
        .noneMatch(name -> name.contains("archfixture"));
  }

  /** Imported once for all rules. */
  private static final class ProductionClasses {
    static final JavaClasses ALL = productionClasses();
  }
}
