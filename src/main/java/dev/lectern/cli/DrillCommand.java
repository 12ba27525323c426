package dev.lectern.cli;

import dev.lectern.course.Course;
import dev.lectern.course.Problem;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Grader;
import dev.lectern.grading.Verdict;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.DrillScope;
import dev.lectern.study.SessionSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lectern drill}: questions on standard output, answers from standard input, graded feedback. */
@Command(name = "drill", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Asks the questions of a set, a reading, a week or the whole course, grades each answer and"
                + " shows the score, the key points covered and missed, and the reference answer; then a summary.",
                "Type one answer per line; an empty line skips the question; end of input (Ctrl+D) ends the drill."
                        + " Works with piped input too.",
                "Exit code: 0, 1 if the set, reading or week does not exist, 2 on a usage error."})
final class DrillCommand extends ContextCommand {

    @ArgGroup(exclusive = true)
    ScopeOptions.SetReadingOrWeek scope;

    @Option(names = "--exam", paramLabel = "N",
            description = "An exam: N questions drawn at random, no feedback until the end, then the results per"
                    + " question and the total.")
    Integer exam;

    @Option(names = "--limit", paramLabel = "N", description = "Ask at most N questions.")
    Integer limit;

    @Option(names = "--seed", paramLabel = "N", description = "Draw the exam's questions reproducibly from this seed.")
    Long seed;

    @Mixin
    CourseOption course;

    private AnswerFeedback.Marks marks;

    DrillCommand(CliContext context) {
        super(context);
    }

    /** One question asked: the answer given (null when skipped) and its grade once graded. */
    private static final class Asked {
        final DrillItem item;
        final String answer;
        Grade grade;

        Asked(DrillItem item, String answer) {
            this.item = item;
            this.answer = answer;
        }
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (exam != null && exam < 1 || limit != null && limit < 1) {
            throw new CommandLine.ParameterException(cl, "--exam and --limit must be at least 1.");
        }
        if (seed != null && exam == null) {
            throw new CommandLine.ParameterException(cl, "--seed goes with --exam.");
        }
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        marks = AnswerFeedback.Marks.of(context.unicode());

        Path dir = course.dir();
        LoadedCourse loaded = CourseLoader.load(dir);
        Course c = loaded.course();
        if (c.questionSets().isEmpty()) {
            loaded.problems().stream().filter(Problem::isError).limit(5).forEach(p -> err.println(p.format()));
            err.println("lectern: There are no questions to drill in " + dir + ".");
            err.flush();
            return 1;
        }
        if (loaded.hasErrors()) {
            err.println("note: " + Summary.plural(loaded.errorCount(), "error") + " in the course left some of it out"
                    + " (`lectern validate` lists them).");
        }
        DrillScope chosen = chosenScope();
        String unknown = unknown(c, chosen);
        if (unknown != null) {
            err.println("lectern: " + unknown);
            err.flush();
            return 1;
        }
        List<DrillItem> items = DrillPlans.questions(c, chosen);
        if (items.isEmpty()) {
            err.println("lectern: There are no questions for " + chosen.describe() + ".");
            err.flush();
            return 1;
        }
        boolean isExam = exam != null;
        if (isExam) {
            items = DrillPlans.sample(items, exam, seed != null ? new SplittableRandom(seed) : new SplittableRandom());
        }
        if (limit != null && items.size() > limit) {
            items = items.subList(0, limit);
        }

        err.println("Loading the grader" + marks.ellipsis());
        err.flush();
        CompletableFuture<Grader> grader = context.graderInBackground();

        out.printf(Locale.ROOT, "%s %s: %s.%s Type one answer per line; an empty line skips; end of input"
                + " (Ctrl+D) ends the %s.%n", isExam ? "Exam on" : "Drill on", chosen.describe(),
                Summary.plural(items.size(), isExam ? "random question" : "question"),
                isExam ? " Grades come at the end." : "", isExam ? "exam" : "drill");
        BufferedReader in = context.stdin().get();
        List<Asked> asked = new ArrayList<>();
        try {
            for (int i = 0; i < items.size(); i++) {
                DrillItem item = items.get(i);
                out.printf(Locale.ROOT, "%nQuestion %d of %d%s%s%n%s%n> ", i + 1, items.size(), marks.dot(),
                        item.set().title(), item.question().prompt());
                out.flush();
                String line = in.readLine();
                if (line == null) {
                    out.println();
                    break;
                }
                if (!context.interactive()) {
                    out.println(line);
                }
                Asked a = new Asked(item, line.isBlank() ? null : line.strip());
                asked.add(a);
                if (!isExam) {
                    if (a.answer != null) {
                        a.grade = grade(grader, item, a.answer);
                    }
                    feedback(out, a, "");
                }
            }
            if (isExam) {
                results(out, grader, items, asked);
            }
        } catch (GraderUnavailable e) {
            out.flush();
            err.println("lectern: The grader could not be loaded: " + e.getMessage());
            err.flush();
            return 1;
        }
        summary(out, items.size(), asked);
        out.flush();
        return 0;
    }

    DrillScope chosenScope() {
        return ScopeOptions.chosen(scope);
    }

    /** Why the scope names nothing in the course, or null if it exists. */
    static String unknown(Course course, DrillScope scope) {
        if (scope instanceof DrillScope.OfSet s && course.questionSet(s.setId()).isEmpty()) {
            return "There is no question set \"" + s.setId() + "\" in this course. Its sets are: "
                    + course.questionSets().stream().map(QuestionSet::id).collect(Collectors.joining(", ")) + ".";
        }
        if (scope instanceof DrillScope.OfReading r && course.reading(r.readingId()).isEmpty()) {
            return "There is no reading \"" + r.readingId() + "\" in this course. Its readings are: "
                    + course.readings().stream().map(Reading::id).collect(Collectors.joining(", ")) + ".";
        }
        if (scope instanceof DrillScope.OfWeek w && course.readingsOfWeek(w.week()).isEmpty()) {
            TreeSet<Integer> weeks = course.readings().stream().map(Reading::week)
                    .collect(Collectors.toCollection(TreeSet::new));
            return "No reading of this course is in week " + w.week() + ". Its weeks are: "
                    + weeks.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".";
        }
        return null;
    }

    /** The grader could not be loaded; the message says why. */
    private static final class GraderUnavailable extends RuntimeException {
        GraderUnavailable(String message) {
            super(message);
        }
    }

    private static Grade grade(CompletableFuture<Grader> grader, DrillItem item, String answer) {
        Grader g;
        try {
            g = grader.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new GraderUnavailable(cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage());
        }
        try {
            return g.grade(AnswerKey.of(item.question()), answer);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The feedback on the answer and the reference answer, each line after {@code indent}. */
    private void feedback(PrintWriter out, Asked a, String indent) {
        if (a.grade == null) {
            out.println(indent + (a.answer == null ? "Skipped." : "Not graded: the grader failed on this answer."));
        } else {
            AnswerFeedback.print(out, a.grade, marks, indent);
        }
        out.println(indent + "Reference answer: " + a.item.question().referenceAnswer());
        out.flush();
    }

    private void results(PrintWriter out, CompletableFuture<Grader> grader, List<DrillItem> items, List<Asked> asked) {
        for (Asked a : asked) {
            if (a.answer != null) {
                a.grade = grade(grader, a.item, a.answer);
            }
        }
        out.printf("%nResults%n");
        long total = 0;
        for (int i = 0; i < items.size(); i++) {
            DrillItem item = items.get(i);
            out.printf(Locale.ROOT, "%n%d. %s%n", i + 1, item.question().prompt());
            if (i < asked.size()) {
                Asked a = asked.get(i);
                feedback(out, a, "   ");
                total += a.grade == null ? 0 : a.grade.score();
            } else {
                out.println("   Not reached.");
                out.println("   Reference answer: " + item.question().referenceAnswer());
            }
        }
        long possible = 100L * items.size();
        out.printf(Locale.ROOT, "%nTotal: %d/%d (%d%%)%n", total, possible, Math.round(100.0 * total / possible));
    }

    private void summary(PrintWriter out, int questions, List<Asked> asked) {
        List<Grade> grades = asked.stream().filter(a -> a.grade != null).map(a -> a.grade).toList();
        long skipped = asked.stream().filter(a -> a.answer == null).count();
        int notReached = questions - asked.size();
        long answered = asked.stream().filter(a -> a.answer != null).count();
        out.printf(Locale.ROOT, "%nSummary: %d answered, %d skipped%s, of %s.%n", answered, skipped,
                notReached > 0 ? ", " + notReached + " not reached" : "", Summary.plural(questions, "question"));
        if (grades.isEmpty()) {
            out.println("Nothing answered, so no score.");
            return;
        }
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        grades.forEach(g -> verdicts.merge(g.verdict(), 1, Integer::sum));
        double mean = grades.stream().mapToInt(Grade::score).average().orElse(0);
        int unsure = verdicts.getOrDefault(Verdict.UNSURE, 0);
        out.printf(Locale.ROOT, "Mean score: %.0f/100%s%d correct%s%d partial%s%d incorrect%s%n", mean, marks.dot(),
                verdicts.getOrDefault(Verdict.CORRECT, 0), marks.dot(), verdicts.getOrDefault(Verdict.PARTIAL, 0),
                marks.dot(), verdicts.getOrDefault(Verdict.INCORRECT, 0),
                unsure > 0 ? marks.dot() + unsure + " unsure" : "");
        String weakest = SessionSummary.weakestLine(grades).strip();
        if (!weakest.isEmpty()) {
            out.println(weakest);
        }
    }
}
