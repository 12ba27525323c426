package dev.lectern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared --course option and scope group show the same in every command's help, worded for the command. */
class SharedOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "drill        | The course folder. Default: $LECTERN_COURSE",
        "review       | The course folder. Default: $LECTERN_COURSE",
        "export pdf   | The course folder. Default: $LECTERN_COURSE",
        "export anki  | The course folder. Default: $LECTERN_COURSE",
        "stats        | The course folder: its progress, and mastery per reading.",
        "backup       | The course whose progress to back up or list (each course keeps its own).",
        "store check  | The course whose progress to check (each course keeps its own).",
        "grade        | The course whose questions rows may name by set_id and question_id",
        "bench grade  | Take the answers from this course (default: as for `lectern drill`).",
    })
    void theCourseOptionIsDescribedForItsCommand(String command, String description) {
        CliRun run = CliRun.run((command + " --help").split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("--course=COURSE_DIR " + description);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "drill   | [--reading=ID | --week=N | --set=ID]",
        "review  | [--reading=ID | --week=N]",
    })
    void theScopeGroupIsOneOfItsOptions(String command, String synopsis) {
        CliRun run = CliRun.run(command, "--help");

        assertThat(run.out().replaceAll("\\s+", " ")).contains(synopsis);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "drill   | --set=a --week=1",
        "review  | --reading=r --week=1",
    })
    void twoScopesAtOnceAreAUsageError(String command, String options) {
        CliRun run = CliRun.run((command + " " + options).split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }
}
