package dev.lectern.cli;

import dev.lectern.store.BackupFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lectern restore FILE}: puts a backup in place of the progress database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Checks that FILE is a sound Lectern progress database, moves the current one aside"
                + " (progress.db.replaced-<date-time>, nothing is deleted) and puts FILE in its place. Close Lectern"
                + " first.")
final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A backup, e.g. backups/progress-2026-03-02.db in the data folder.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dataDir = StoreCli.dataDir(spec);
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
