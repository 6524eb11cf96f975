package com.mediscan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Package by feature: ui → service → domain inside a feature, and no feature reaches into another's UI. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.mediscan");
    }

    @Test
    void domainDependsOnNoServiceOrUi() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..service..", "..ui..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void servicesDependOnNoUi() {
        noClasses().that().resideInAPackage("..service..")
                .should().dependOnClassesThat().resideInAnyPackage("..ui..", "com.vaadin.flow.component..")
                .check(classes);
    }

    /**
     * The consultation view is the one place that composes other features' panels (chat, prescription).
     * The shared base UI (MainLayout, ViewerTime, NotAvailableView) is no feature and serves them all.
     */
    @Test
    void featuresDoNotReachIntoEachOthersUi() {
        slices().matching("com.mediscan.(*).ui..")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("com.mediscan.consultation.ui.."),
                        resideInAnyPackage("com.mediscan.chat.ui..", "com.mediscan.prescription.ui.."))
                .ignoreDependency(resideInAPackage("com.mediscan..ui.."), resideInAPackage("com.mediscan.base.ui.."))
                .check(classes);
    }

    @Test
    void sharedBaseDependsOnNoFeatureExceptSecurity() {
        noClasses().that().resideInAPackage("com.mediscan.base..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.mediscan.appointment..", "com.mediscan.consultation..", "com.mediscan.chat..",
                        "com.mediscan.prescription..", "com.mediscan.audit..", "com.mediscan.demo..")
                .check(classes);
    }

    /** People do not depend on appointments: the appointment feature adds its doctor actions (working hours) to account's views. */
    @Test
    void accountNeverDependsOnAppointment() {
        noClasses().that().resideInAPackage("com.mediscan.account..")
                .should().dependOnClassesThat().resideInAPackage("com.mediscan.appointment..")
                .check(classes);
    }

    @Test
    void featureDomainsHaveNoCycles() {
        slices().matching("com.mediscan.(*).domain..").should().beFreeOfCycles().check(classes);
    }
}
