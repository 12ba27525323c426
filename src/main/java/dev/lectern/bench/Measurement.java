package dev.lectern.bench;

import java.io.IOException;
import java.io.PrintWriter;
import dev.lectern.cli.PrintingCommand;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * What every {@code lectern bench …} command shares: its options are checked before anything is measured, and a
 * wrong one is a usage error (picocli prints it with the command's usage), not a failed measurement.
 */
abstract class Measurement extends PrintingCommand {

    /** What is wrong with the options, in words; empty when they are fine. */
    abstract Optional<String> wrongOptions();

    /** Measures and prints the figures; returns the exit code. */
    abstract int measure(PrintWriter out, PrintWriter err) throws IOException, InterruptedException;

    @Override
    protected final int run(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Optional<String> wrong = wrongOptions();
        if (wrong.isPresent()) {
            throw usageError(wrong.get());
        }
        return measure(out, err);
    }

    /**
     * The {@code --runs} option, as a picocli mixin: how many times each figure is measured. A command gives its own
     * default by making the mixin itself ({@code @Mixin final Runs runs = new Runs(7);}).
     */
    static final class Runs {

        @Option(names = "--runs", paramLabel = "N", description = "Runs of each measurement (default ${DEFAULT-VALUE}).")
        int count;

        Runs(int count) {
            this.count = count;
        }

        Runs() {
            this(5);
        }
    }

    /** The message when {@code fine} is false. */
    static Optional<String> unless(boolean fine, String message) {
        return fine ? Optional.empty() : Optional.of(message);
    }
}
