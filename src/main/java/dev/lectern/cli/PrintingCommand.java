package dev.lectern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that prints to the writers of its command line (which tests capture) and reports misuse as picocli's
 * usage errors: exit code 2 with the usage help.
 */
public abstract class PrintingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Does the work; returns the exit code. */
    protected abstract int run(PrintWriter out, PrintWriter err) throws IOException, InterruptedException;

    @Override
    public final Integer call() throws IOException, InterruptedException {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** A usage error of this command, to throw: picocli prints it with the usage help and exits 2. */
    protected final CommandLine.ParameterException usageError(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The command line this command runs in. */
    protected final CommandLine commandLine() {
        return spec.commandLine();
    }
}
