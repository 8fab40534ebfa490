package dev.tangram.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The runtime wires the engine through its public feature packages only. */
class RuntimeArchitectureTests {

  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.tangram.runtime");

  @Test
  void runtimeDoesNotReachIntoEngineInternals() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.tangram.engine..internal..").check(RUNTIME);
  }

  @Test
  void apiControllersDoNotTalkToMongoDirectly() {
    noClasses().that().resideInAPackage("dev.tangram.runtime.api..")
        .should().dependOnClassesThat().resideInAPackage("com.mongodb..").check(RUNTIME);
  }
}
