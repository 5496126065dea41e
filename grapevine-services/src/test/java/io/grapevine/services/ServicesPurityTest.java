package io.grapevine.services;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.Timer;
import java.util.TimerTask;
import org.junit.jupiter.api.Test;

/**
 * The services are as pure as the core they run in: no I/O, threads, clocks, randomness or
 * logging of their own (time and randomness come from the {@code ServiceContext}), and they
 * reach the core only through its public API, never the drivers. Main classes only.
 */
class ServicesPurityTest {
    private static final String SERVICES = "io.grapevine.services..";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.grapevine.services");

    @Test
    void servicesOpenNoSocketsStartNoThreadsAndDoNotLog() {
        noClasses().that().resideInAPackage(SERVICES)
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..",
                        "java.util.concurrent..", "org.slf4j..", "java.util.logging..", "io.grapevine.net..",
                        "io.grapevine.sim..")
                .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, ThreadLocal.class, Timer.class,
                        TimerTask.class)
                .because("a service runs on its node's thread, driven by the simulator or the runtime").check(MAIN);
    }

    @Test
    void servicesReadNoClockAndDrawNoRandomnessOfTheirOwn() {
        noClasses().that().resideInAPackage(SERVICES)
                .should().dependOnClassesThat().belongToAnyOf(Clock.class, Instant.class, InstantSource.class)
                .orShould().dependOnClassesThat().areAssignableTo(Random.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(target(name("now").and(owner(resideInAPackage("java.time..")))))
                .because("time and randomness are ServiceContext inputs: same seed, same trace").check(MAIN);
    }
}
