package dev.lectern.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lectern backup [--out FILE]}: a consistent copy of the progress database. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copies the progress database (SQLite's online backup, safe while Lectern is open) to FILE,"
                + " by default backups/progress-manual-<date-time>.db in the data folder.")
final class BackupCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the copy.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return StoreCli.withStore(spec, (store, stdout) -> {
            Path target = out != null ? out.toAbsolutePath() : store.dataDir().resolve("backups").resolve(
                    "progress-manual-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss",
                            Locale.ROOT)) + ".db");
            store.backupTo(target);
            stdout.println("Backed up " + store.databaseFile() + " to " + target + ".");
            return 0;
        });
    }
}
