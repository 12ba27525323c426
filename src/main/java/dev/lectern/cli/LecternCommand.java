package dev.lectern.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lectern} command line. Without a subcommand it runs the action the application gives it (opening
 * the window), so this package stays free of any UI.
 */
@Command(name = "lectern", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lectern: a study companion for the multimodal foundation models reading course.%n"
                + "Without a command, opens the app.",
        subcommands = {ValidateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class LecternCommand implements Runnable {

    private final Runnable openApp;

    public LecternCommand(Runnable openApp) {
        this.openApp = openApp;
    }

    @Override
    public void run() {
        openApp.run();
    }

    /**
     * A command line ready to execute: usage errors exit 2 with the usage, and unexpected failures print one
     * sentence (never a stack trace) and exit 1.
     */
    public static CommandLine commandLine(Runnable openApp) {
        CommandLine cli = new CommandLine(new LecternCommand(openApp));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("lectern: " + message);
            err.flush();
            return 1;
        });
        return cli;
    }
}
