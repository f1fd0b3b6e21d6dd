package dev.coachkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves every rule of {@link ArchitectureTest} can fail: each is evaluated on deliberately bad classes from
 * {@code src/test/archfixtures} and must report the one that breaks it. The fixtures are compiled here into a
 * temporary directory, so they are on no classpath: neither the real architecture check nor a Quarkus test
 * ever sees them.
 */
class ArchitectureRulesCanFailTest {

  private static final Path FIXTURE_SOURCES = Path.of("src", "test", "archfixtures");

  /** Rule field name to the fixture class that breaks it. */
  private static final Map<String, String> BREAKERS = Map.ofEntries(
      Map.entry("ports_depend_only_on_the_jdk_and_ports", "dev.coachkit.ports.model.archfixture.PortUsingJakarta"),
      Map.entry("domain_depends_only_on_ports_and_the_jdk", "dev.coachkit.domain.archfixture.DomainUsingJackson"),
      Map.entry("in_ports_do_not_depend_on_out_ports", "dev.coachkit.ports.in.archfixture.PlanReachUseCase"),
      Map.entry("out_ports_do_not_depend_on_in_ports", "dev.coachkit.ports.out.archfixture.FixtureStore"),
      Map.entry("ports_and_domain_never_depend_on_adapters_or_the_server",
          "dev.coachkit.ports.model.archfixture.KnowsTheServer"),
      Map.entry("adapters_never_depend_on_the_domain", "dev.coachkit.adapter.web.archfixture.WebCallingDomain"),
      Map.entry("adapters_are_independent_of_each_other", "dev.coachkit.adapter.web.archfixture.WebCallingOpenAi"),
      Map.entry("an_adapters_internal_package_is_used_only_by_that_adapter",
          "dev.coachkit.server.archfixture.ServerWiring"),
      Map.entry("entities_live_only_in_the_persistence_adapter",
          "dev.coachkit.adapter.web.archfixture.MisplacedEntity"),
      Map.entry("rest_and_websocket_endpoints_live_only_in_the_web_adapter",
          "dev.coachkit.adapter.persistence.archfixture.MisplacedResource"),
      Map.entry("langchain4j_is_used_only_in_the_openai_adapter",
          "dev.coachkit.adapter.web.archfixture.WebUsingLangchain"),
      Map.entry("in_port_interfaces_end_in_UseCase", "dev.coachkit.ports.in.archfixture.CoachTalk"),
      Map.entry("domain_classes_implementing_a_use_case_end_in_Service",
          "dev.coachkit.domain.archfixture.AskCoachHelper"),
      Map.entry("no_port_type_is_named_after_a_technology", "dev.coachkit.ports.model.archfixture.HttpCoachMessage"));

  /** Well-formed fixtures that no rule may report: they show a rule is not simply reporting everything. */
  private static final List<String> WELL_FORMED = List.of(
      "dev.coachkit.ports.in.archfixture.AskCoachUseCase",
      "dev.coachkit.domain.archfixture.AskCoachService",
      "dev.coachkit.adapter.openai.internal.archfixture.RealtimeWireEvent");

  @TempDir
  static Path compiled;

  private static JavaClasses fixtures;

  @BeforeAll
  static void compileFixtures() throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(FIXTURE_SOURCES)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
    }
    assertThat(sources).as("fixture sources in %s", FIXTURE_SOURCES.toAbsolutePath()).isNotEmpty();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK with javac").isNotNull();
    List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", compiled.toString(),
        "-classpath", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
    args.addAll(sources);
    int status = javac.run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as("javac exit status for the architecture fixtures").isZero();
    fixtures = new ClassFileImporter().importPath(compiled);
  }

  static Stream<Arguments> rulesAndTheirBreakers() {
    return ArchitectureTest.rules().map(rule -> Arguments.of(rule, BREAKERS.get(rule.getName())));
  }

  @ParameterizedTest(name = "{0} reports {1}")
  @MethodSource("rulesAndTheirBreakers")
  void givenFixtureThatBreaksTheRule_evaluate_reportsThatFixture(ArchRule rule, String breaker) {
    assertThat(breaker).as("every rule needs a fixture that breaks it").isNotNull();

    EvaluationResult result = rule.evaluate(fixtures);

    assertThat(result.hasViolation()).as("%s reports a violation", rule.getDescription()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(breaker));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.coachkit.server.ArchitectureTest#rules")
  void givenWellFormedFixtures_evaluate_doesNotReportThem(ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixtures);

    for (String wellFormed : WELL_FORMED) {
      // a violation line starts with the element that breaks the rule: "Class <x.Y> ...", "Method <x.Y.m()> ..."
      java.util.regex.Pattern subject =
          java.util.regex.Pattern.compile("^\\w+ <" + java.util.regex.Pattern.quote(wellFormed) + "[.>$(]");
      assertThat(result.getFailureReport().getDetails()).noneMatch(line -> subject.matcher(line).find());
    }
  }

  @Test
  void givenEveryFixture_import_findsThemAll() {
    assertThat(fixtures.stream().map(c -> c.getName()))
        .containsAll(BREAKERS.values())
        .containsAll(WELL_FORMED);
    assertThat(BREAKERS.keySet())
        .containsExactlyInAnyOrderElementsOf(ArchitectureTest.rules().map(r -> r.getName()).collect(Collectors.toList()));
  }
}
