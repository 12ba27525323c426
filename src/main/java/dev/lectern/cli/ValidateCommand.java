package dev.lectern.cli;

import dev.lectern.cli.grade.ExampleCheck;
import dev.lectern.course.Problem;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.files.DefaultCourse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lectern validate [COURSE_DIR]}: checks a course and reports problems like a compiler. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks every reading and question set of a course and prints each problem as"
                + " path:line:column: error|warning: message. Judged examples are graded by the reference answer and"
                + " key points alone, and each the grader disagrees with is a warning.%n"
                + "Exit code: 0 without errors, 1 with errors, 2 on a usage error.")
final class ValidateCommand extends PrintingCommand {

    @Parameters(arity = "0..1", paramLabel = "COURSE_DIR",
            description = "The course folder (holding readings/ and questions/). Default: $LECTERN_COURSE, else the"
                    + " current folder if it is a course, else the bundled course.")
    Path courseDir;

    private final CliContext context;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    protected int run(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Path dir = courseDir != null ? courseDir : DefaultCourse.locate();
        LoadedCourse loaded = CourseLoader.load(dir);
        Path shownRoot = courseDir != null ? courseDir : shownDefault(dir);
        List<Problem> problems = new ArrayList<>(loaded.problems());
        int warnings = 0;
        int examples = ExampleCheck.count(loaded.course());
        if (examples > 0) {
            err.println("Grading " + Summary.plural(examples, "judged example") + " to check their verdicts...");
            err.flush();
            try {
                List<Problem> disagreements = ExampleCheck.check(loaded.course(), context.grader().get());
                warnings = disagreements.size();
                problems.addAll(disagreements);
                problems.sort(Problem.IN_FILE_ORDER);
            } catch (RuntimeException e) {
                err.println("lectern: The grader could not be loaded, so the examples' verdicts are not checked: "
                        + e.getMessage());
            }
        }
        for (Problem problem : problems) {
            out.println(problem.format(shown(problem.file(), loaded.course().root(), shownRoot)));
        }
        out.println(Summary.of(loaded, warnings));
        out.flush();
        return loaded.hasErrors() ? 1 : 0;
    }

    private static Path shownDefault(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = dir.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }

    /** The file as the user would type it: under the course folder as they named it. */
    static Path shown(Path file, Path root, Path shownRoot) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(root)) {
            Path rel = root.relativize(abs);
            return shownRoot.toString().isEmpty() ? rel : shownRoot.resolve(rel);
        }
        return file;
    }
}
