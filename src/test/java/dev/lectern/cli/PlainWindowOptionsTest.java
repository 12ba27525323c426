package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The quick reading of plain window options agrees with picocli, and leaves everything else to picocli. */
class PlainWindowOptionsTest {

    /** What picocli hands the app for these arguments; empty when it does not open the app. */
    private static Optional<AppOptions> viaPicocli(String... args) {
        List<AppOptions> opened = new ArrayList<>();
        CommandLine cli = LecternCommand.commandLine(options -> {
            opened.add(options);
            return 0;
        });
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.execute(args);
        return opened.stream().findFirst();
    }

    @Test
    void plainWindowStartsReadTheSameAsPicocliReadsThem() {
        List<String[]> starts = List.of(
                new String[] {},
                new String[] {"--ready-exit"},
                new String[] {"--course", "some/course"},
                new String[] {"--course=some/course", "--reading", "llava"},
                new String[] {"--theme", "dark", "--ready-exit", "--reading=clip"},
                new String[] {"--reading", "a b", "--course", "/tmp/x y"},
                new String[] {"--data-dir", "/tmp/progress", "--course", "c"},
                new String[] {"--data-dir=/tmp/progress"});
        for (String[] args : starts) {
            Optional<AppOptions> quick = AppOptions.fromPlainArgs(args);
            assertThat(quick).as(String.join(" ", args)).isPresent();
            assertThat(quick).as(String.join(" ", args)).isEqualTo(viaPicocli(args));
        }
        assertThat(AppOptions.fromPlainArgs("--data-dir", "/tmp/progress").orElseThrow().dataDir())
                .contains(java.nio.file.Path.of("/tmp/progress"));
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        List<String[]> others = List.of(
                new String[] {"--help"},
                new String[] {"-h"},
                new String[] {"--version"},
                new String[] {"validate"},
                new String[] {"bench", "startup"},
                new String[] {"--course"},
                new String[] {"--course", "--ready-exit"},
                new String[] {"--course", "a", "--course", "b"},
                new String[] {"--ready-exit", "--ready-exit"},
                new String[] {"--ready-exit=true"},
                new String[] {"--theme="},
                new String[] {"--unknown"},
                new String[] {"extra"});
        for (String[] args : others) {
            assertThat(AppOptions.fromPlainArgs(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
