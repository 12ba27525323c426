package dev.lectern.cli;

import dev.lectern.store.BackupFile;
import dev.lectern.store.ProgressStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lectern backup [--out FILE] [--list]}: a consistent copy of the progress database, or the list of them;
 * and {@link Restore}, {@code lectern restore FILE}, which puts one back.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copies the progress database (SQLite's online backup, safe while Lectern is open) to FILE,"
                + " by default backups/progress-manual-<date-time>.db in the data folder. With --list, names the"
                + " backups in backups/ instead, newest first: Lectern takes one at the first start of each day (the"
                + " last 7 are kept) and one when a session that added reviews closes (the last 5 are kept).")
final class BackupCommand extends StoreCli.StoreWork {

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the copy.")
    Path out;

    @Option(names = "--list", description = "List the backups (name, time, size, reviews) instead of taking one.")
    boolean list;


    @Override
    public Integer call() {
        if (!list) {
            return super.call();
        }
        // Without opening the store: a missing progress.db must not be replaced by an empty one here.
        PrintWriter stdout = spec.commandLine().getOut();
        Path dataDir = dataDir();
        List<BackupFile> backups = BackupFile.list(dataDir);
        if (backups.isEmpty()) {
            stdout.println("No backups in " + dataDir.resolve("backups") + ".");
        }
        backups.forEach(b -> stdout.println(b.describe(ZoneId.systemDefault())));
        BackupFile.restorableWhenMissing(dataDir).ifPresent(b -> stdout.println("progress.db is missing from "
                + dataDir + "; to restore the newest backup, run: lectern restore " + b.file()));
        stdout.flush();
        return 0;
    }

    @Override
    public int run(ProgressStore store, PrintWriter stdout) throws IOException {
        Path target = out != null ? out.toAbsolutePath() : store.dataDir().resolve("backups").resolve(
                "progress-manual-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss",
                        Locale.ROOT)) + ".db");
        store.backupTo(target);
        stdout.println("Backed up " + store.databaseFile() + " to " + target + ".");
        return 0;
    }

    /** {@code lectern restore FILE}: puts a backup in place of the progress database. */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Checks that FILE is a sound Lectern progress database, moves the current one aside"
                    + " (progress.db.replaced-<date-time>, nothing is deleted) and puts FILE in its place. Close Lectern"
                    + " first.")
    static final class Restore extends StoreCli.OnCourseData {

        @Parameters(paramLabel = "FILE", description = "A backup, e.g. backups/progress-2026-03-02.db in the data folder.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dataDir = dataDir();
            try {
                Path aside = BackupFile.restore(dataDir, file.toAbsolutePath());
                Path db = dataDir.resolve("progress.db");
                out.println("Restored " + file.toAbsolutePath() + " as " + db + "."
                        + (aside.equals(db) ? "" : " The database it replaced is in " + aside + "."));
                out.flush();
                return 0;
            } catch (IOException e) {
                err.println(e.getMessage());
                err.flush();
                return 1;
            }
        }
    }
}
