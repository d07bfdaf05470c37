package com.subscriptions.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the README's architecture section, checked over the compiled main classes: components do
 * not depend on each other in circles, and HTTP stays at the boundary.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.subscriptions");
    }

    @Test
    void componentsAreFreeOfCycles() {
        slices().matching("com.subscriptions.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void rolesWithinAComponentAreFreeOfCycles() {
        slices().matching("com.subscriptions.(*).(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void controlAndEntityKnowNothingOfHttpNorOfTheWireFormat() {
        noClasses().that().resideInAnyPackage("..control..", "..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..",
                        "jakarta.json.bind.annotation..", "com.subscriptions.problem..")
                .check(main);
    }

    @Test
    void noResourceCallsAnotherResource() {
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().dependOnClassesThat().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .check(main);
    }

    @Test
    void entitiesDependOnNoControlOrBoundary() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..")
                .check(main);
    }

    @Test
    void controlDependsOnNoBoundary() {
        noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .check(main);
    }

    @Test
    void platformDependsOnNoOtherComponent() {
        noClasses().that().resideInAPackage("com.subscriptions.platform..")
                .should().dependOnClassesThat(resideInAPackage("com.subscriptions..")
                        .and(not(resideInAPackage("com.subscriptions.platform.."))))
                .check(main);
    }
}
