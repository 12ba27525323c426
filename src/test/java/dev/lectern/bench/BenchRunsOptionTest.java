package dev.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.cli.CliRun;
import org.junit.jupiter.api.Test;

class BenchRunsOptionTest {

    @Test
    void eachBenchShowsItsOwnDefaultNumberOfRuns() {
        assertThat(CliRun.run("bench", "store", "--help").out()).contains("--runs=N", "(default 7)");
        assertThat(CliRun.run("bench", "pdf", "--help").out()).contains("--runs=N", "(default 5)");
    }

    @Test
    void zeroRunsIsAUsageErrorNamingTheOption() {
        CliRun run = CliRun.run("bench", "pdf", "--runs", "0", "--pages", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--runs and --pages must be at least 1");
    }

    @Test
    void theRunsGivenAreTheRunsMeasured() {
        CliRun run = CliRun.run("bench", "store", "--reviews", "50", "--cards", "5", "--runs", "2", "--appends", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("of 2 runs");
    }
}
