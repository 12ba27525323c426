package dev.lectern.cli;

import dev.lectern.course.UserDirs;
import dev.lectern.grading.Grader;
import dev.lectern.grading.StandardGrader;
import dev.lectern.store.Progress;
import dev.lectern.store.ProgressStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What the commands take from outside the command line, so tests can stand in for it: the grader (loaded when a
 * command needs it), standard input, whether a person is typing at a terminal, the charset of standard output, the
 * student's progress (opened when a command needs it; the command closes it) and the clock.
 */
record CliContext(Supplier<Grader> grader, Supplier<BufferedReader> stdin, boolean interactive, Charset outCharset,
        Supplier<Progress> progress, Clock clock) {

    /** Without progress (for commands that do not need it), on the system clock. */
    CliContext(Supplier<Grader> grader, Supplier<BufferedReader> stdin, boolean interactive, Charset outCharset) {
        this(grader, stdin, interactive, outCharset, CliContext::openProgress, Clock.systemDefaultZone());
    }

    /** The real thing: Lectern's grader, {@code System.in}, the console if there is one, the user's progress. */
    static CliContext standard() {
        return new CliContext(StandardGrader::load,
                () -> new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
                System.console() != null, stdoutCharset());
    }

    /**
     * The progress store in the user's data folder.
     *
     * <p>TODO(store): take the global {@code --data-dir} option once the command line has it.
     */
    private static Progress openProgress() {
        return ProgressStore.open(UserDirs.fromEnvironment().data(), Clock.systemDefaultZone());
    }

    /** Whether standard output can show ✓, ✗ and …; otherwise plain ASCII stands in for them. */
    boolean unicode() {
        return outCharset.newEncoder().canEncode("✓✗…·");
    }

    /** As picocli picks it for its standard output writer. */
    private static Charset stdoutCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }
}
