package dev.lectern.app;

import dev.lectern.cli.LecternCommand;
import picocli.CommandLine;

/** Entry point of {@code lectern.jar} and {@code ./mvnw javafx:run}: the window without a command, else the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = LecternCommand.commandLine(LecternApp::launchWith);
        cli.addSubcommand(new ScreenshotCommand());
        cli.getSubcommands().get("bench").addSubcommand(new StartupBenchCommand());
        System.exit(cli.execute(args));
    }
}
