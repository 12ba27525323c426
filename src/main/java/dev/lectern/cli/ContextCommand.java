package dev.lectern.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that takes what it needs from outside the command line from a {@link CliContext} (the grader, standard
 * input, the progress, the clock), which {@link LecternCommand#commandLine} gives to its constructor.
 */
abstract class ContextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final CliContext context;

    ContextCommand(CliContext context) {
        this.context = context;
    }

    /** A usage error of this command, to throw: picocli prints it with the usage help and exits 2. */
    CommandLine.ParameterException usageError(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
