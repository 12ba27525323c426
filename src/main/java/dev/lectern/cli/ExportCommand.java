package dev.lectern.cli;

import dev.lectern.store.ProgressStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lectern export ...}: progress as plain files. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Writes your progress to plain files.",
        subcommands = {ExportCommand.Reviews.class})
final class ExportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to export: `lectern export reviews"
                + " --out FILE.csv`.");
    }

    @Command(name = "reviews", mixinStandardHelpOptions = true,
            description = "Writes the whole review log to a CSV file: id, set_id, question_id, at (ISO-8601, UTC),"
                    + " rating (1-4), score, verdict, answer, taken_ms, mode; oldest first.")
    static final class Reviews implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ProgressStore store = StoreCli.open(spec)) {
                int count = store.exportCsv(out);
                stdout.println("Wrote " + count + (count == 1 ? " review" : " reviews") + " to " + out + ".");
                stdout.flush();
                return 0;
            } catch (IOException e) {
                err.println(e.getMessage());
                err.flush();
                return 1;
            }
        }
    }
}
