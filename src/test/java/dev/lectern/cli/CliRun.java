package dev.lectern.cli;

import dev.lectern.bench.BenchCommand;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the lectern command line in-process for tests, capturing exit code, standard output and error. */
public record CliRun(int exitCode, String out, String err) {

    /** With Lectern's own grader and no standard input. */
    public static CliRun run(String... args) {
        return run(CliContext.standard(), args);
    }

    /** With a grader of the test's own, and {@code stdin} as what is typed (piped, not at a terminal). */
    public static CliRun withInput(String stdin, FakeGrader grader, String... args) {
        return run(new CliContext(() -> grader, () -> new BufferedReader(new StringReader(stdin)), false,
                StandardCharsets.UTF_8), args);
    }

    /** With a grader, progress and clock of the test's own, and {@code stdin} as what is typed (piped). */
    public static CliRun withProgress(String stdin, FakeGrader grader, dev.lectern.store.Progress progress,
            java.time.Clock clock, String... args) {
        return run(new CliContext(() -> grader, () -> new BufferedReader(new StringReader(stdin)), false,
                StandardCharsets.UTF_8, dataDir -> progress, clock), args);
    }

    public static CliRun run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LecternCommand.commandLine(options -> {
            throw new AssertionError("the app must not open for a subcommand");
        }, context);
        BenchCommand.addTo(cli, context);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
