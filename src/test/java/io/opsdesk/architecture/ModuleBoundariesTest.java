package io.opsdesk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.opsdesk.web.ApiException;

/**
 * The layout of {@code docs/architecture.md}, pinned: channels on top, features below them, the ticket with its
 * process adapters, the value services {@code sla}, {@code notification} and {@code chat}, and small leaves on the
 * ground. No import runs back up and no two packages need each other. Reads the compiled main classes only; no Spring.
 */
class ModuleBoundariesTest {

    static final String[] CHANNELS = {"io.opsdesk.portal..", "io.opsdesk.inbound.."};
    static final String[] FEATURES = {"io.opsdesk.attachment..", "io.opsdesk.inspection..", "io.opsdesk.release..",
            "io.opsdesk.report..", "io.opsdesk.migration..", "io.opsdesk.chat.process..", "io.opsdesk.assignment..",
            "io.opsdesk.problem.."};
    // chat itself takes values; its process step (chat.process) reads the execution, like a feature's delegates
    static final String[] SERVICES = {"io.opsdesk.sla..", "io.opsdesk.notification..", "io.opsdesk.chat",
            "io.opsdesk.customer.."};
    static final String[] GROUND = {"io.opsdesk.engine..", "io.opsdesk.web..", "io.opsdesk.identity..", "io.opsdesk.jdbc..",
            "io.opsdesk.domain..", "io.opsdesk.monitoring..", "io.opsdesk.retention..", "io.opsdesk.production..",
            "io.opsdesk.backup.."};

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.opsdesk");

    @Test
    void noTwoPackagesNeedEachOther() {
        slices().matching("io.opsdesk.(*)..").should().beFreeOfCycles().check(MAIN);
        slices().matching("io.opsdesk.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noImportRunsBackUp() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Channels").definedBy(CHANNELS)
                .layer("Features").definedBy(FEATURES)
                .layer("Ticket").definedBy("io.opsdesk.ticket..")
                .layer("Services").definedBy(SERVICES)
                .layer("Ground").definedBy(GROUND)
                .whereLayer("Channels").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Channels")
                .whereLayer("Ticket").mayOnlyBeAccessedByLayers("Channels", "Features")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("Channels", "Features", "Ticket")
                .check(MAIN);
    }

    @Test
    void slaAndNotificationAreValueServices() {
        noClasses().that().resideInAnyPackage(SERVICES)
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
                .because("sla and notification take values; the ticket's process adapters read the execution")
                .check(MAIN);
    }

    @Test
    void otherFeaturesSeeOnlyTheSupportTicketProcessHome() {
        noClasses().that().resideOutsideOfPackage("io.opsdesk.ticket..")
                .should().dependOnClassesThat(resideInAPackage("io.opsdesk.ticket.process")
                        .and(not(nameMatching("io\\.opsdesk\\.ticket\\.process\\.SupportTicketProcess(\\$.*)?"))))
                .because("the support-ticket adapters are the ticket's internals; its ids and names are public")
                .check(MAIN);
    }

    @Test
    void onlyTheWebLayerSpeaksHttp() {
        noClasses().that().resideOutsideOfPackage("io.opsdesk.web..")
                .and().areNotAnnotatedWith(RestController.class).and().areNotAnnotatedWith(Controller.class)
                .and().areNotAnnotatedWith(RestControllerAdvice.class).and().areNotAnnotatedWith(ControllerAdvice.class)
                .should().dependOnClassesThat().areAssignableTo(ApiException.class)
                .because("services refuse with a DomainException; web/ maps it to a problem detail")
                .check(MAIN);
    }
}
