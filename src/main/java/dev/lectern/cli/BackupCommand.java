package dev.lectern.cli;

import dev.lectern.store.ProgressStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lectern backup [--out FILE]}: a consistent copy of the progress database. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copies the progress database (SQLite's online backup, safe while Lectern is open) to FILE,"
                + " by default backups/progress-manual-<date-time>.db in the data folder.")
final class BackupCommand extends StoreCli.StoreWork {

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the copy.")
    Path out;

    @Override
    public int run(ProgressStore store, PrintWriter stdout) throws IOException {
        Path target = out != null ? out.toAbsolutePath() : store.dataDir().resolve("backups").resolve(
                "progress-manual-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss",
                        Locale.ROOT)) + ".db");
        store.backupTo(target);
        stdout.println("Backed up " + store.databaseFile() + " to " + target + ".");
        return 0;
    }
}
