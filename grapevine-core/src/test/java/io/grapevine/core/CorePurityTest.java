package io.grapevine.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.grapevine.core.membership.Address;
import io.grapevine.core.membership.MemberStatus;
import io.grapevine.core.membership.NodeId;
import io.grapevine.core.membership.TextLimits;
import io.grapevine.core.state.Delta;
import io.grapevine.core.state.DeltaPart;
import io.grapevine.core.state.Digest;
import io.grapevine.core.state.DigestEntry;
import io.grapevine.core.state.KeyPriority;
import io.grapevine.core.state.VersionedEntry;
import io.grapevine.core.wire.Bytes;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.stream.Collectors;
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
     * The codec sees only value types: membership's identities and statuses, and the
     * replicated-state records its STATE_SYN/ACK/ACK2 bodies carry. It never reaches state
     * logic (ReplicatedState, DeltaBuilder, ...), detection, dissemination or the node.
     */
    @Test
    void wireDependsOnlyOnMembershipAndStateValueRecords() {
        noClasses().that().resideInAPackage("..core.wire..")
                .should().dependOnClassesThat(resideInAPackage("io.grapevine..")
                        .and(resideOutsideOfPackage("..core.wire.."))
                        .and(not(elementTypeIsAnyOf(NodeId.class, Address.class, MemberStatus.class, TextLimits.class,
                                Digest.class, DigestEntry.class, Delta.class, DeltaPart.class,
                                VersionedEntry.class, KeyPriority.class))))
                .check(MAIN);
    }

    @Test
    void membershipDependsOnNoOtherCorePackage() {
        noClasses().that().resideInAPackage("..core.membership..")
                .should().dependOnClassesThat().resideInAnyPackage("..core.detector..", "..core.dissemination..",
                        "..core.wire..", "..core.state..")
                .check(MAIN);
    }

    @Test
    void detectorAndDisseminationDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("..core.detector..")
                .should().dependOnClassesThat().resideInAPackage("..core.dissemination..").check(MAIN);
        noClasses().that().resideInAPackage("..core.dissemination..")
                .should().dependOnClassesThat().resideInAPackage("..core.detector..").check(MAIN);
    }

    /**
     * Known debt, pinned so it cannot grow: {@code state} uses {@link Bytes} from {@code wire}
     * while {@code wire} serializes {@code state}'s records, a package cycle. Moving
     * {@code Bytes} to a neutral package would break it.
     */
    @Test
    void stateUsesNothingFromWireButBytes() {
        noClasses().that().resideInAPackage("..core.state..")
                .should().dependOnClassesThat(resideInAPackage("..core.wire..").and(not(elementTypeIsAnyOf(Bytes.class))))
                .check(MAIN);
    }

    /**
     * Sub-packages sit below the facade and must not reach back into it. Known debt, pinned:
     * {@link RandomSource}, an injected input, lives in the facade package but is used by
     * membership, detector and state.
     */
    @Test
    void subPackagesDoNotReachBackIntoTheFacadeExceptRandomSource() {
        noClasses().that().resideInAnyPackage("..core.wire..", "..core.membership..", "..core.detector..",
                        "..core.dissemination..", "..core.state..")
                .should().dependOnClassesThat(resideInAPackage("io.grapevine.core")
                        .and(not(elementTypeIsAnyOf(RandomSource.class))))
                .check(MAIN);
    }

    /** The class itself, or an array of it (a {@code MemberStatus[]} lookup table is still a MemberStatus use). */
    private static DescribedPredicate<JavaClass> elementTypeIsAnyOf(Class<?>... allowed) {
        Set<String> names = Arrays.stream(allowed).map(Class::getName).collect(Collectors.toSet());
        return DescribedPredicate.describe("(arrays of) " + names,
                javaClass -> names.contains(javaClass.getBaseComponentType().getName()));
    }

    @Test
    void theImportFoundTheCore() {
        // guards against a rule passing vacuously on an empty import
        assertThat(MAIN.containPackage("io.grapevine.core.wire")).isTrue();
        assertThat(MAIN.that(resideInAnyPackage("io.grapevine.core.."))).hasSizeGreaterThan(50);
    }
}
