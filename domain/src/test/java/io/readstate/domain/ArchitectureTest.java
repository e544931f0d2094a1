package io.readstate.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import io.readstate.domain.model.ChannelId;
import java.util.Set;

/** The domain is plain Java, and inside it the model depends on nothing else of the domain. */
@AnalyzeClasses(locations = ArchitectureTest.DomainClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Where the domain's own classes are (a directory or a jar); reading only there keeps the test quick. */
    static final class DomainClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return Set.of(Location.of(ChannelId.class.getProtectionDomain().getCodeSource().getLocation()));
        }
    }

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_java_and_itself =
            classes().that().resideInAPackage("io.readstate.domain..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.readstate.domain..")
                    .because("the domain imports nothing but java.* (STYLE.md)");

    @ArchTest
    static final ArchRule the_model_knows_no_use_case_rule_or_port =
            noClasses().that().resideInAPackage("io.readstate.domain.model..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "io.readstate.domain.usecase..", "io.readstate.domain.rules..", "io.readstate.domain.port..")
                    .because("ids, events and outcomes are the vocabulary every other part speaks");

    @ArchTest
    static final ArchRule ports_speak_only_domain_types =
            noClasses().that().resideInAPackage("io.readstate.domain.port..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "io.readstate.domain.usecase..", "io.readstate.domain.rules..");

    @ArchTest
    static final ArchRule use_cases_reach_the_state_only_through_ports =
            noClasses().that().resideInAPackage("io.readstate.domain.usecase..")
                    .should().dependOnClassesThat().resideInAPackage("io.readstate.domain.rules..");

    @ArchTest
    static final ArchRule the_rules_know_no_use_case =
            noClasses().that().resideInAPackage("io.readstate.domain.rules..")
                    .should().dependOnClassesThat().resideInAPackage("io.readstate.domain.usecase..");
}
