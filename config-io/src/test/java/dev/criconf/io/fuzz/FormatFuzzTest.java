package dev.criconf.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzz tests of every reader of config-io, one per format (the properties are in
 * {@link FuzzTargets}). Without {@code JAZZER_FUZZ} (every build) each runs once per committed
 * seed in {@code src/test/resources/dev/criconf/io/fuzz/FormatFuzzTestInputs/<method>/}, crash
 * inputs found by earlier fuzzing included; with {@code JAZZER_FUZZ=1} and one method selected
 * ({@code -Dtest=FormatFuzzTest#toml}) Jazzer fuzzes it. See config-io/FUZZING.md.
 *
 * <p>The {@link Timeout} bounds each input: JUnit enforces it per seed (in a separate thread, so
 * that even a loop that ignores interrupts fails the test instead of hanging the build), and Jazzer
 * turns it into libFuzzer's per-input {@code -timeout} when fuzzing (the {@code fuzzing} profile of
 * config-io's pom then turns JUnit's own timeout off: to JUnit, a fuzzing run is one invocation).
 */
@Timeout(value = FormatFuzzTest.SECONDS_PER_INPUT, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FormatFuzzTest {

    /** A hang guard, not a performance budget: every reader handles fuzz-sized inputs in milliseconds. */
    static final long SECONDS_PER_INPUT = 10;

    /** How long one target fuzzes with {@code JAZZER_FUZZ=1} (no effect on the seed runs of a build). */
    static final String FUZZ_DURATION = "5m";

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void toml(byte[] input) {
        FuzzTargets.toml(input);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void yaml(byte[] input) {
        FuzzTargets.yaml(input);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void unitFile(byte[] input) {
        FuzzTargets.unitFile(input);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void envFile(byte[] input) {
        FuzzTargets.envFile(input);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void parsedArgs(byte[] input) {
        FuzzTargets.parsedArgs(input);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void sysctl(byte[] input) {
        FuzzTargets.sysctl(input);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void modulesLoad(byte[] input) {
        FuzzTargets.modulesLoad(input);
    }

    @FuzzTest(maxDuration = FUZZ_DURATION)
    void json(byte[] input) {
        FuzzTargets.json(input);
    }
}
