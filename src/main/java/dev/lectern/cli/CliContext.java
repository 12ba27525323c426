package dev.lectern.cli;

import dev.lectern.grading.Grader;
import dev.lectern.grading.StandardGrader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.function.Supplier;

/**
 * What the commands take from outside the command line, so tests can stand in for it: the grader (loaded when a
 * command needs it), standard input, whether a person is typing at a terminal, and the charset of standard output.
 */
record CliContext(Supplier<Grader> grader, Supplier<BufferedReader> stdin, boolean interactive, Charset outCharset) {

    /** The real thing: Lectern's grader, {@code System.in}, and the console if there is one. */
    static CliContext standard() {
        return new CliContext(StandardGrader::load,
                () -> new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
                System.console() != null, stdoutCharset());
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
