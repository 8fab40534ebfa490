package dev.tangram.engine.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules feature's boundary: its implementation stays behind the API package. */
class RulesArchitectureTests {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tangram.engine");

    @Test
    void onlyTheRulesFeatureUsesItsInternals() {
        noClasses().that().resideOutsideOfPackage("dev.tangram.engine.rules..")
                .should().dependOnClassesThat().resideInAPackage("dev.tangram.engine.rules.internal..")
                .allowEmptyShould(true)
                .check(ENGINE);
    }

    @Test
    void onlyTheRulesFeatureTouchesGraalJs() {
        noClasses().that().resideOutsideOfPackage("dev.tangram.engine.rules..")
                .should().dependOnClassesThat().resideInAPackage("org.graalvm..")
                .allowEmptyShould(true)
                .check(ENGINE);
    }
}
