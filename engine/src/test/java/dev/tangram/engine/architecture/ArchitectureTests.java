package dev.tangram.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/** The boundaries of STYLE.md, checked rather than reviewed. */
class ArchitectureTests {

  private static final JavaClasses ENGINE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.tangram.engine");

  @Test
  void engineHasNoHttpNoUiNoBoot() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "jakarta.servlet..", "com.vaadin..", "org.flowable.rest..")
        .check(ENGINE);
  }

  @Test
  void internalPackagesAreUsedOnlyByTheirOwnFeature() {
    ArchRuleDefinition.classes().that().resideInAPackage("..internal..")
        .should(onlyBeAccessedFromTheirFeature()).check(ENGINE);
  }

  /** A class in {@code x.y.internal} may be used by classes in {@code x.y} and below only. */
  public static ArchCondition<JavaClass> onlyBeAccessedFromTheirFeature() {
    return new ArchCondition<>("only be accessed from their own feature") {
      @Override
      public void check(JavaClass target, ConditionEvents events) {
        String feature = target.getPackageName().substring(0, target.getPackageName().indexOf(".internal"));
        for (JavaAccess<?> access : target.getAccessesToSelf()) {
          String from = access.getOriginOwner().getPackageName();
          if (!from.equals(feature) && !from.startsWith(feature + ".")) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        }
      }
    };
  }
}
