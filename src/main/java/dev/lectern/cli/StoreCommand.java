package dev.lectern.cli;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.store.ProgressStore;
import dev.lectern.store.StoreCheck;
import dev.lectern.sync.Sync;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lectern store ...}: looks after the progress database; and {@link SyncFolder}, {@code lectern sync FOLDER}. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Checks or rebuilds the progress database (progress.db in the data folder).",
        subcommands = {StoreCommand.Check.class, StoreCommand.Rebuild.class})
final class StoreCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to do: `lectern store check` or"
                + " `lectern store rebuild`.");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Runs SQLite's integrity check, counts reviews, cards and exams, and compares every card's"
                    + " saved state with a replay of its reviews. Exit code 0 when all is well, 1 otherwise.")
    static final class Check extends StoreCli.StoreWork {

        @Override
        public int run(ProgressStore store, PrintWriter out) throws IOException {
            StoreCheck check = store.check();
            out.printf(Locale.ROOT, "%s: schema version %d, %d reviews, %d cards, %d exams, %.1f MB, %d backups%n",
                    check.file(), check.schemaVersion(), check.reviews(), check.cards(), check.exams(),
                    check.bytes() / (1024.0 * 1024.0), check.backups());
            if (check.integrityProblems().isEmpty()) {
                out.println("integrity check: ok");
            } else {
                out.println("integrity check: " + check.integrityProblems().size() + " problems");
                check.integrityProblems().stream().limit(20).forEach(p -> out.println("  " + p));
            }
            out.println(check.staleCards() == 0 ? "card states: they match the review log"
                    : "card states: " + check.staleCards() + " cards differ from the review log;"
                            + " `lectern store rebuild` recomputes them.");
            return check.ok() ? 0 : 1;
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Recomputes every card's state from the review log (the log is the truth; card states are a"
                    + " cache of it) and says how many changed.")
    static final class Rebuild extends StoreCli.StoreWork {

        @Override
        public int run(ProgressStore store, PrintWriter out) throws IOException {
            long start = System.nanoTime();
            int changed = store.rebuild();
            out.printf(Locale.ROOT, "Rebuilt the card states of %s from its review log in %d ms: %d %s.%n",
                    store.databaseFile(), (System.nanoTime() - start) / 1_000_000, changed,
                    changed == 1 ? "card changed" : "cards changed");
            return 0;
        }
    }

    /** {@code lectern sync FOLDER [--course DIR]}: syncs a course's progress through a shared folder. */
    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Syncs the progress of a course (--course, else the default course) through FOLDER, a folder"
                    + " every device can reach (Dropbox, Syncthing, a network drive, a USB stick): writes this device's"
                    + " new reviews, undos, renames, exams and scheduler settings into a new file of its own in"
                    + " FOLDER/lectern-sync/<course-id>/<device-id>/, takes in what the other devices wrote there (each"
                    + " record once), and rebuilds the schedule from the merged log. Damaged or copied files are named"
                    + " and skipped; other devices' files are never changed.",
                "Exit code: 0 when synced (skipped files are listed), 1 when FOLDER or the progress cannot be read or"
                    + " written (nothing was then changed here)."})
    static final class SyncFolder extends StoreCli.OnCourseData {

        @Parameters(paramLabel = "FOLDER", description = "The shared folder.")
        Path folder;

        @Override
        public Integer call() throws IOException {
            Course c = CourseLoader.load(course.dir()).course();
            return StoreCli.withStore(spec, StoreCli.dataDir(spec, c), (store, out) -> {
                Sync.run(store, c.info().id(), folder.toAbsolutePath()).lines().forEach(out::println);
                return 0;
            });
        }
    }
}
