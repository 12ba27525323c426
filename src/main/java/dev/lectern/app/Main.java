package dev.lectern.app;

import dev.lectern.bench.BenchCommand;
import dev.lectern.bench.StartupBenchCommand;
import dev.lectern.cli.AppOptions;
import dev.lectern.cli.CliContext;
import dev.lectern.cli.LecternCommand;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine;

/** Entry point of {@code lectern.jar} and {@code ./mvnw javafx:run}: the window without a command, else the CLI. */
public final class Main {

    private Main() {
    }

    /**
     * JavaFX warns on every start that it runs from the class path, which is how lectern.jar is meant to run;
     * that one message is dropped, every other JavaFX warning (CSS errors, say) still shows. A holder, so that a
     * JVM that only starts the window's JVM does not set up logging.
     */
    private static final class JavaFxLog {
        static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("javafx");

        static void dropClassPathWarning() {
            LOG.setFilter(log -> log.getMessage() == null
                    || !log.getMessage().startsWith("Unsupported JavaFX configuration"));
        }
    }

    public static void main(String[] args) {
        OrderlyExit.onSignals();
        Optional<AppOptions> window = AppOptions.fromPlainArgs(args);
        if (window.isPresent()) {
            // The usual start, without building the whole command line first; failures read as the CLI's do.
            OptionalInt relaunched = SharedClasses.relaunch(args);
            if (relaunched.isPresent()) {
                OrderlyExit.exit(relaunched.getAsInt());
            }
            JavaFxLog.dropClassPathWarning();
            int code;
            try {
                code = LecternApp.launchWith(window.get());
            } catch (RuntimeException e) {
                System.err.println("lectern: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                code = 1;
            }
            OrderlyExit.exit(code);
        }
        JavaFxLog.dropClassPathWarning();
        CommandLine cli = LecternCommand.commandLine(LecternApp::launchWith);
        BenchCommand.addTo(cli, CliContext.standard());
        cli.addSubcommand(new ScreenshotCommand());
        cli.getSubcommands().get("bench")
                .addSubcommand(new StartupBenchCommand(Main.class.getName(), BareWebViewProbe.class.getName()));
        OrderlyExit.exit(cli.execute(args));
    }
}
