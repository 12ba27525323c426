package dev.lectern.bench;

import dev.lectern.cli.CliContext;
import dev.lectern.cli.Summary;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lectern bench ...}: the speed and memory figures Lectern's goals are stated in. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures Lectern on synthetic or given input and prints the figures.",
        subcommands = {BenchCommand.Load.class, BenchSearchCommand.class, BenchGradeCommand.class,
            BenchStoreCommand.class, BenchPdfCommand.class, BenchSyncCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /**
     * Adds {@code lectern bench ...} to Lectern's command line, its grading bench with the grader of {@code context}.
     * Added from outside, so that {@code cli} does not depend on this package, which uses the CLI's helpers.
     */
    public static void addTo(CommandLine lectern, CliContext context) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == BenchGradeCommand.class ? cls.cast(new BenchGradeCommand(context)) : defaults.create(cls);
            }
        };
        lectern.addSubcommand("bench", new CommandLine(new BenchCommand(), factory));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to measure, e.g. `lectern bench load`.");
    }

    /** {@code lectern bench load}: load time and retained heap of a synthetic course. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Writes a synthetic course to a temporary folder, loads and validates it, and prints the"
                    + " time (first load in this JVM, and the best of the repeats) and the retained heap after a GC.")
    static final class Load extends Measurement {

        @Mixin
        SyntheticCourse.Size size;

        @Option(names = "--repeat", defaultValue = "5", description = "Loads after the first, for the warm figure (default ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--keep", description = "Keep the generated course folder and print where it is.")
        boolean keep;

        @Override
        Optional<String> wrongOptions() {
            return size.wrongOptions().or(() -> unless(repeat >= 0, "--repeat must be at least 0."));
        }

        @Override
        int measure(PrintWriter out, PrintWriter err) throws IOException {
            return size.inTemporaryFolder(out, keep, dir -> {
                long baseline = usedHeapAfterGc();
                long start = System.nanoTime();
                LoadedCourse loaded = CourseLoader.load(dir);
                long firstMs = (System.nanoTime() - start) / 1_000_000;
                long retained = usedHeapAfterGc() - baseline;
                out.printf(Locale.ROOT, "loaded %s%n", Summary.of(loaded));
                out.printf(Locale.ROOT, "first load: %d ms (cold JVM)%n", firstMs);
                long best = Long.MAX_VALUE;
                for (int i = 0; i < repeat; i++) {
                    long s = System.nanoTime();
                    LoadedCourse again = CourseLoader.load(dir);
                    best = Math.min(best, (System.nanoTime() - s) / 1_000_000);
                    if (again.course().readings().size() != loaded.course().readings().size()) {
                        throw new IllegalStateException("a repeated load read a different course");
                    }
                }
                if (repeat > 0) {
                    out.printf(Locale.ROOT, "best of %d further loads: %d ms%n", repeat, best);
                }
                out.printf(Locale.ROOT, "retained heap of the loaded course: %.1f MB%n", retained / (1024.0 * 1024.0));
                out.println(SyntheticCourse.machine());
                // Keep the course reachable until after the measurement above.
                return loaded.course().readings().isEmpty() ? 1 : 0;
            });
        }

        private static long usedHeapAfterGc() {
            for (int i = 0; i < 3; i++) {
                System.gc();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
