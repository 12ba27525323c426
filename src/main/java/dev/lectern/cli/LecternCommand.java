package dev.lectern.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code lectern} command line. Without a subcommand it opens the window through the launcher the
 * application gives it, so this package stays free of any UI.
 */
@Command(name = "lectern", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lectern: a study companion for the multimodal foundation models reading course.%n"
                + "Without a command, opens the app.",
        subcommands = {ValidateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class LecternCommand implements Callable<Integer> {

    private final ToIntFunction<AppOptions> openApp;

    @Option(names = "--course", paramLabel = "COURSE_DIR", description = "Open this course folder instead of the last one.")
    Path course;

    @Option(names = "--reading", paramLabel = "ID", description = "Open this reading.")
    String reading;

    @Option(names = "--theme", paramLabel = "light|dark", description = "Start in this theme.")
    String theme;

    @Option(names = "--ready-exit", description = "Start, show the first reading, print `ready <ms since JVM start>` and exit.")
    boolean readyExit;

    public LecternCommand(ToIntFunction<AppOptions> openApp) {
        this.openApp = openApp;
    }

    @Override
    public Integer call() {
        return openApp.applyAsInt(new AppOptions(Optional.ofNullable(course), Optional.ofNullable(reading),
                Optional.ofNullable(theme), readyExit, Optional.empty()));
    }

    /**
     * The window's options when {@code args} are nothing but window options written plainly ({@code --ready-exit},
     * {@code --course DIR}, {@code --reading ID}, {@code --theme NAME}, each at most once, a value also as
     * {@code --option=value}), read without building the picocli model, which costs a noticeable part of start-up.
     * Empty for anything else, which then goes through {@link #commandLine} as usual (help, errors, subcommands).
     */
    public static Optional<AppOptions> plainWindowOptions(String... args) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        boolean readyExit = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--ready-exit")) {
                if (readyExit) {
                    return Optional.empty();
                }
                readyExit = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!name.equals("--course") && !name.equals("--reading") && !name.equals("--theme")) {
                return Optional.empty();
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || values.put(name, value) != null) {
                return Optional.empty();
            }
        }
        Optional<Path> course;
        try {
            course = Optional.ofNullable(values.get("--course")).map(Path::of);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.of(new AppOptions(course, Optional.ofNullable(values.get("--reading")),
                Optional.ofNullable(values.get("--theme")), readyExit, Optional.empty()));
    }

    /**
     * A command line ready to execute: usage errors exit 2 with the usage, and unexpected failures print one
     * sentence (never a stack trace) and exit 1.
     */
    public static CommandLine commandLine(ToIntFunction<AppOptions> openApp) {
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
