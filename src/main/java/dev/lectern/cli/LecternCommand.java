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
@Command(name = "lectern", mixinStandardHelpOptions = true, versionProvider = LecternCommand.Version.class,
        resourceBundle = "dev.lectern.cli.Options",
        description = "Lectern: a study companion for the multimodal foundation models reading course.%n"
                + "Without a command, opens the app.",
        subcommands = {ValidateCommand.class, DrillCommand.class, ReviewCommand.class, StatsCommand.class,
            GradeCommand.class, CalibrateCommand.class, StoreCommand.class, StoreCommand.SyncFolder.class, BackupCommand.class,
            BackupCommand.Restore.class, ExportCommand.class, ImportCommand.class, SearchCommand.class,
            CommandLine.HelpCommand.class})
public final class LecternCommand implements Callable<Integer> {

    private final ToIntFunction<AppOptions> openApp;

    @Option(names = "--course", paramLabel = "COURSE_DIR", description = "Open this course folder instead of the last one.")
    Path course;

    @Option(names = "--reading", paramLabel = "ID", description = "Open this reading.")
    String reading;

    @Option(names = "--theme", paramLabel = "light|dark", description = "Start in this theme.")
    String theme;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep progress (progress.db, backups) in DIR"
            + " instead of LECTERN_DATA_DIR or the platform's data folder. Give it before the command:"
            + " `lectern --data-dir DIR store check`.")
    Path dataDir;

    @Option(names = "--ready-exit", description = "Start, show the first reading, print `ready <ms since JVM start>` and exit.")
    boolean readyExit;

    public LecternCommand(ToIntFunction<AppOptions> openApp) {
        this.openApp = openApp;
    }

    @Override
    public Integer call() {
        return openApp.applyAsInt(new AppOptions(Optional.ofNullable(course), Optional.ofNullable(reading),
                Optional.ofNullable(theme), readyExit, Optional.empty(), Optional.ofNullable(dataDir)));
    }

    /**
     * A command line ready to execute: usage errors exit 2 with the usage, and unexpected failures print one
     * sentence (never a stack trace) and exit 1.
     */
    public static CommandLine commandLine(ToIntFunction<AppOptions> openApp) {
        return commandLine(openApp, CliContext.standard());
    }

    /** The command line with the grader and standard input of {@code context} (tests use their own). */
    static CommandLine commandLine(ToIntFunction<AppOptions> openApp, CliContext context) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == GradeCommand.class) {
                    return cls.cast(new GradeCommand(context));
                }
                if (cls == ValidateCommand.class) {
                    return cls.cast(new ValidateCommand(context));
                }
                if (cls == DrillCommand.class) {
                    return cls.cast(new DrillCommand(context));
                }
                if (cls == ReviewCommand.class) {
                    return cls.cast(new ReviewCommand(context));
                }
                if (cls == StatsCommand.class) {
                    return cls.cast(new StatsCommand(context));
                }
                return defaults.create(cls);
            }
        };
        CommandLine cli = new CommandLine(new LecternCommand(openApp), factory);
        cli.getSubcommands().get("import").addSubcommand("pdf", new CommandLine(new PdfImportCommand(context), factory));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("lectern: " + message);
            err.flush();
            return 1;
        });
        return cli;
    }

    /** The version from the jar's manifest (or "development build" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Version.class.getPackage().getImplementationVersion();
            return new String[] {"Lectern " + (v == null ? "development build" : v)};
        }
    }
}
