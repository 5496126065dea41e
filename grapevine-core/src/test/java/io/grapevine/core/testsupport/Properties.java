package io.grapevine.core.testsupport;

import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.ExceptionReporter;
import org.quicktheories.core.Reporter;

/**
 * How every property test in core runs: QuickTheories on a pinned seed and a fixed number of
 * examples, so the build is deterministic, with an exploratory mode behind a flag.
 *
 * <p>Flags (system properties, passed through by Surefire from the Maven command line):
 * <ul>
 *   <li>{@value #EXPLORE}{@code =true}: a fresh seed for this run (printed once) and
 *       {@value #EXPLORE_FACTOR} times each property's examples;</li>
 *   <li>{@value #SEED}{@code =N}: use seed N instead (the pinned one, or the fresh one when
 *       exploring), to replay a failure;</li>
 *   <li>{@value #EXAMPLES}{@code =N}: run N examples of every property instead.</li>
 * </ul>
 * For example {@code ./mvnw -B -q -pl grapevine-core test -Dgrapevine.properties.explore=true}.
 *
 * <p>A failure reports the smallest falsifying values QuickTheories shrank to, the seed, and
 * the flags that replay it. {@link #regression} properties ignore every flag: their seed is
 * the point.
 */
public final class Properties {
    /** System property that turns on the exploratory run. */
    public static final String EXPLORE = "grapevine.properties.explore";
    /** System property that overrides the seed of every (non-regression) property. */
    public static final String SEED = "grapevine.properties.seed";
    /** System property that overrides the number of examples of every (non-regression) property. */
    public static final String EXAMPLES = "grapevine.properties.examples";
    /** The seed of the default, deterministic run. */
    public static final long PINNED_SEED = 42;
    /** How many times more examples an exploratory run tries. */
    public static final int EXPLORE_FACTOR = 10;

    /** Shrinking is bounded by cycles, not time: enough to shrink our inputs, bounded when a property fails. */
    private static final int SHRINK_CYCLES = 2_000;
    /**
     * Failed generator assumptions allowed per example. QuickTheories counts them across the
     * whole example, and a generated list of messages holds many filtered names.
     */
    private static final int GENERATE_ATTEMPTS = 10_000;

    private static final boolean EXPLORING = Boolean.getBoolean(EXPLORE);
    private static final long RUN_SEED = chooseSeed();

    private Properties() {
    }

    /**
     * The theory for an ordinary property: {@code examples} examples on {@link #PINNED_SEED}
     * by default, or as the flags say.
     *
     * @param examples how many examples the default run tries
     * @return the theory to state the property on
     */
    public static QuickTheory qt(int examples) {
        return theory(RUN_SEED, examples(examples), false);
    }

    /**
     * The theory for a regression property: always {@code seed} and {@code examples}, whatever
     * the flags, because that seed once found a real bug.
     *
     * @param seed the seed that finds the bug on the code before its fix
     * @param examples how many examples it takes, with some margin
     * @return the theory to state the property on
     */
    public static QuickTheory regression(long seed, int examples) {
        return theory(seed, examples, true);
    }

    /**
     * How many examples a property declared with {@code examples} runs under the current flags.
     *
     * @param examples the property's examples in the default run
     * @return its examples in this run
     */
    public static int examples(int examples) {
        String override = System.getProperty(EXAMPLES);
        if (override != null && !override.isBlank()) {
            return Integer.parseInt(override.trim());
        }
        return EXPLORING ? examples * EXPLORE_FACTOR : examples;
    }

    private static QuickTheory theory(long seed, int examples, boolean regression) {
        return QuickTheory.qt()
                .withFixedSeed(seed)
                .withExamples(examples)
                .withUnlimitedTestingTime()
                .withShrinkCycles(SHRINK_CYCLES)
                .withGenerateAttempts(GENERATE_ATTEMPTS)
                .withReporter(new ReplayHint(examples, regression));
    }

    private static long chooseSeed() {
        String override = System.getProperty(SEED);
        if (override != null && !override.isBlank()) {
            return Long.parseLong(override.trim());
        }
        if (!EXPLORING) {
            return PINNED_SEED;
        }
        // the one unseeded draw in the tests, on purpose: it is printed, and a failure names it
        long seed = new SplittableRandom().nextLong();
        System.out.println("Exploring properties on seed " + seed + " with " + EXPLORE_FACTOR
                + "x examples; replay with -D" + SEED + "=" + seed + " -D" + EXPLORE + "=true");
        return seed;
    }

    /** QuickTheories' report (smallest values, seed), followed by the flags that replay it. */
    private static final class ReplayHint implements Reporter {
        private final Reporter report = new ExceptionReporter();
        private final int examples;
        private final boolean regression;

        ReplayHint(int examples, boolean regression) {
            this.examples = examples;
            this.regression = regression;
        }

        @Override
        public void falisification(long seed, int count, Object smallest, Throwable cause,
                                   List<Object> examples, AsString<Object> toString) {
            try {
                report.falisification(seed, count, smallest, cause, examples, toString);
            } catch (AssertionError falsified) {
                throw withHint(falsified, seed);
            }
        }

        @Override
        public void falisification(long seed, int count, Object smallest, List<Object> examples,
                                   AsString<Object> toString) {
            try {
                report.falisification(seed, count, smallest, examples, toString);
            } catch (AssertionError falsified) {
                throw withHint(falsified, seed);
            }
        }

        @Override
        public void valuesExhausted(int completedExamples) {
            report.valuesExhausted(completedExamples);
        }

        private AssertionError withHint(AssertionError falsified, long seed) {
            String replay = regression
                    ? "A regression property: it always runs this seed; replay with -Dtest=Class#method"
                    : "Replay with -D" + SEED + "=" + seed + " -D" + EXAMPLES + "=" + examples
                            + " (and -Dtest=Class#method)";
            AssertionError hinted = new AssertionError(falsified.getMessage() + System.lineSeparator() + replay);
            hinted.setStackTrace(falsified.getStackTrace());
            return hinted;
        }
    }
}
