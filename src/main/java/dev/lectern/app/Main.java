package dev.lectern.app;

import dev.lectern.cli.LecternCommand;
import picocli.CommandLine;

/** Entry point of {@code lectern.jar} and {@code ./mvnw javafx:run}: the window without a command, else the CLI. */
public final class Main {

    private Main() {
    }

    /** JavaFX warns on every start that it runs from the class path; that is how lectern.jar is meant to run. */
    private static final java.util.logging.Logger JAVAFX_STARTUP_LOG =
            java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl");

    public static void main(String[] args) {
        JAVAFX_STARTUP_LOG.setLevel(java.util.logging.Level.SEVERE);
        CommandLine cli = LecternCommand.commandLine(LecternApp::launchWith);
        cli.addSubcommand(new ScreenshotCommand());
        cli.getSubcommands().get("bench").addSubcommand(new StartupBenchCommand());
        System.exit(cli.execute(args));
    }
}
