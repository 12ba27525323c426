package dev.lectern.cli;

import dev.lectern.grading.Grader;
import dev.lectern.grading.StandardGrader;
import dev.lectern.store.Progress;
import dev.lectern.store.ProgressStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the commands take from outside the command line, so tests can stand in for it: the grader (loaded when a
 * command needs it), standard input, whether a person is typing at a terminal, the charset of standard output, the
 * student's progress (opened when a command needs it; the command closes it) and the clock.
 */
public record CliContext(Supplier<Grader> grader, Supplier<BufferedReader> stdin, boolean interactive, Charset outCharset,
        Function<Path, Progress> progress, Clock clock) {

    /** Without progress (for commands that do not need it), on the system clock. */
    CliContext(Supplier<Grader> grader, Supplier<BufferedReader> stdin, boolean interactive, Charset outCharset) {
        this(grader, stdin, interactive, outCharset, CliContext::openProgress, Clock.systemDefaultZone());
    }

    /** The real thing: Lectern's grader, {@code System.in}, the console if there is one, the user's progress. */
    public static CliContext standard() {
        return new CliContext(StandardGrader::load,
                () -> new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
                System.console() != null, stdoutCharset());
    }

    /** The progress store in {@code dataDir} ({@code lectern --data-dir}, else the user's data folder). */
    private static Progress openProgress(Path dataDir) {
        return ProgressStore.open(dataDir, Clock.systemDefaultZone());
    }

    /** Loads the grader on a thread of its own, so the first question shows while it loads. */
    CompletableFuture<Grader> graderInBackground() {
        CompletableFuture<Grader> future = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                future.complete(grader.get());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "lectern-grader-load");
        t.setDaemon(true);
        t.start();
        return future;
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
