package dev.lectern.app;

import dev.lectern.cli.LecternCommand;
import javafx.application.Application;

/** Entry point of {@code lectern.jar} and {@code ./mvnw javafx:run}: the window without arguments, else the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = LecternCommand.commandLine(() -> Application.launch(LecternApp.class, args)).execute(args);
        System.exit(code);
    }
}
