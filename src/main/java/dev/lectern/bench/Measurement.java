package dev.lectern.bench;

import dev.lectern.cli.PrintingCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    /** The {@code --reviews}, {@code --cards} and {@code --seed} options of the benches on a synthetic review log. */
    static final class SyntheticLog {

        @Option(names = "--reviews", paramLabel = "N", defaultValue = "100000",
                description = "Reviews in all (default ${DEFAULT-VALUE}).")
        int reviews;

        @Option(names = "--cards", paramLabel = "N", defaultValue = "2000",
                description = "Cards they are spread over (default ${DEFAULT-VALUE}).")
        int cards;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
                description = "Seed of the synthetic reviews (default ${DEFAULT-VALUE}).")
        long seed;
    }

    /** Work in a temporary folder. */
    interface FolderWork {
        void run(Path dir) throws IOException;
    }

    /**
     * Runs {@code work} in a new temporary folder (named from {@code prefix}), deletes the folder, then prints what the
     * machine is: the end of a bench that writes its own data. Returns the exit code, 0.
     */
    static int inTemporaryFolder(String prefix, PrintWriter out, FolderWork work) throws IOException {
        Path dir = java.nio.file.Files.createTempDirectory(prefix);
        try {
            work.run(dir);
        } finally {
            SyntheticCourse.delete(dir);
        }
        out.println(SyntheticCourse.machine());
        out.flush();
        return 0;
    }

    /** The message when {@code fine} is false. */
    static Optional<String> unless(boolean fine, String message) {
        return fine ? Optional.empty() : Optional.of(message);
    }
}
