package io.grapevine.core;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import org.junit.jupiter.api.Test;

/**
 * The core is a pure state machine (STYLE.md §1): no I/O, threads, clocks, randomness or
 * logging of its own, and its packages depend on each other one way. Main classes only.
 */
class CorePurityTest {
    private static final String CORE = "io.grapevine.core..";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.grapevine.core");

    // ---- purity -----------------------------------------------------------------------------

    @Test
    void coreOpensNoSocketsOrChannels() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..")
                .because("drivers (grapevine-net, grapevine-sim) own all I/O").check(MAIN);
    }

    @Test
    void coreStartsNoThreadsAndUsesNoConcurrencyUtilities() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, ThreadLocal.class,
                        Timer.class, TimerTask.class)
                .because("the core is confined to one thread: no executors, locks or atomics").check(MAIN);
        noFields().that().areDeclaredInClassesThat().resideInAPackage(CORE)
                .should().haveModifier(JavaModifier.VOLATILE)
                .because("the core is confined to one thread: no volatile").check(MAIN);
    }

    @Test
    void coreDrawsNoRandomnessOfItsOwn() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().areAssignableTo(Random.class)
                .orShould().callMethod(Math.class, "random")
                .because("randomness is an injected, seeded RandomSource").check(MAIN);
    }

    @Test
    void coreReadsNoClock() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().belongToAnyOf(Clock.class, Instant.class, InstantSource.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(target(name("now").and(owner(resideInAPackage("java.time..")))))
                .because("time is an input: every handler takes nowNanos").check(MAIN);
    }

    @Test
    void coreDoesNotLog() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "java.util.logging..",
                        "org.apache.logging..")
                .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
                .because("drops are counted by reason; drivers log, rate-limited").check(MAIN);
    }

    // ---- layering ---------------------------------------------------------------------------

    /**
     * The rooms of the core, one direction only, no exceptions: base &lt;- wire &lt;- membership,
     * state &lt;- dissemination &lt;- detector, sync &lt;- the facade; and for the shared keyspace
     * base &lt;- ring, merkle &lt;- keyspace (with wire) &lt;- repair (with membership and
     * dissemination) &lt;- the facade. A lower room that needs
     * something of a higher one declares an interface the higher one implements
     * ({@code membership.Suspicions}, {@code membership.MembershipGossip}, ...).
     */
    @Test
    void theRoomsDependOnEachOtherOneWayOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("facade").definedBy("io.grapevine.core")
                .layer("detector").definedBy("io.grapevine.core.detector..")
                .layer("sync").definedBy("io.grapevine.core.sync..")
                .layer("repair").definedBy("io.grapevine.core.repair..")
                .layer("service").definedBy("io.grapevine.core.service..")
                .layer("dissemination").definedBy("io.grapevine.core.dissemination..")
                .layer("membership").definedBy("io.grapevine.core.membership..")
                .layer("state").definedBy("io.grapevine.core.state..")
                .layer("keyspace").definedBy("io.grapevine.core.keyspace..")
                .layer("ring").definedBy("io.grapevine.core.ring..")
                .layer("merkle").definedBy("io.grapevine.core.merkle..")
                .layer("wire").definedBy("io.grapevine.core.wire..")
                .layer("base").definedBy("io.grapevine.core.base..")
                .whereLayer("facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("detector").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("sync").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("repair").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("service").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("dissemination").mayOnlyBeAccessedByLayers("detector", "sync", "repair", "service",
                        "facade")
                .whereLayer("membership").mayOnlyBeAccessedByLayers("dissemination", "detector", "sync", "repair",
                        "service", "facade")
                .whereLayer("state").mayOnlyBeAccessedByLayers("sync", "service", "facade")
                .whereLayer("keyspace").mayOnlyBeAccessedByLayers("repair", "facade")
                .whereLayer("ring").mayOnlyBeAccessedByLayers("keyspace", "repair", "facade")
                .whereLayer("merkle").mayOnlyBeAccessedByLayers("keyspace", "repair", "facade")
                .whereLayer("wire").mayOnlyBeAccessedByLayers("membership", "state", "keyspace", "dissemination",
                        "detector", "sync", "repair", "service", "facade")
                .whereLayer("base").mayOnlyBeAccessedByLayers("wire", "membership", "state", "keyspace", "ring",
                        "merkle", "dissemination", "detector", "sync", "repair", "service", "facade")
                .check(MAIN);
    }

    /**
     * {@code java.lang.Math}'s transcendental functions may differ in the last bit between
     * JVMs and platforms; protocol numbers (suspicion timeouts, retransmit limits, push-pull
     * scaling) come from them, so "same seed, same trace" would hold only per platform.
     * {@code StrictMath} is bit-exact everywhere.
     */
    @Test
    void coreComputesProtocolNumbersWithStrictMath() {
        Set<String> inexact = Set.of("log", "log10", "log1p", "exp", "expm1", "pow", "cbrt", "hypot", "sin",
                "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh");
        noClasses().that().resideInAPackage(CORE)
                .should().callMethodWhere(target(owner(equivalentTo(Math.class)))
                        .and(target(DescribedPredicate.describe("a transcendental function",
                                t -> inexact.contains(t.getName())))))
                .because("StrictMath gives the same bits on every JVM").check(MAIN);
    }

    @Test
    void theImportFoundTheCore() {
        // guards against a rule passing vacuously on an empty import
        assertThat(MAIN.containPackage("io.grapevine.core.wire")).isTrue();
        assertThat(MAIN.that(resideInAnyPackage("io.grapevine.core.."))).hasSizeGreaterThan(50);
    }
}
