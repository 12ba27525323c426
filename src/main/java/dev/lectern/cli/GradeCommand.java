package dev.lectern.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.cli.grade.CourseKeys;
import dev.lectern.cli.grade.GradeFigures;
import dev.lectern.cli.grade.JudgedExamples;
import dev.lectern.course.ExampleVerdict;
import dev.lectern.course.JudgedExample;
import dev.lectern.course.Problem;
import dev.lectern.files.AtomicFiles;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Grader;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lectern grade --batch IN.csv --out OUT.csv} and {@code lectern grade --eval IN.csv}. */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grades a CSV file of answers (--batch), or grades it and measures how well the grades agree"
                + " with the people's in its gold columns (--eval).",
                "IN.csv has a header row with the columns question, reference_answer and student_answer, and"
                        + " optionally alternative_answers (a JSON array of strings) and key_points (a JSON array of"
                        + " strings or of {\"text\": ..., \"accept\": [...]}); other columns are ignored.",
                "Problems in IN.csv are printed as IN.csv:line:column: error: message. A bad row is still graded,"
                        + " without what could not be read. Exit code: 0, 1 if IN.csv had errors, 2 on a usage"
                        + " error."})
final class GradeCommand extends ContextCommand {

    /** The columns of the output, one row per input row. */
    static final List<String> OUTPUT_COLUMNS = List.of("row", "score", "verdict", "covered", "missed", "explanation");
    /** Gold columns read by --eval. */
    static final String GOLD_SCORE = "score";
    static final String GOLD_LABEL = "label";
    /** Problems printed before the rest are only counted. */
    private static final int MAX_PROBLEMS_SHOWN = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--batch", paramLabel = "IN.csv", required = true,
                description = "Grade every row of IN.csv and write the grades to --out.")
        Path batch;

        @Option(names = "--eval", paramLabel = "IN.csv", required = true,
                description = "Grade IN.csv and print the agreement with its gold column: Pearson r for a numeric"
                        + " \"score\" column; accuracy, weighted F1 and ROC AUC for a \"label\" column (correct ="
                        + " positive).")
        Path eval;
    }

    @Option(names = "--out", paramLabel = "OUT.csv",
            description = "Where the grades go (with --batch, and optionally with --eval): one row per input row, in"
                    + " order, with the columns row (1-based data row), score (0-100), verdict (correct, partial or"
                    + " incorrect), covered and missed (JSON arrays of key points) and explanation. Written whole or"
                    + " not at all.")
    Path out;

    @Option(names = "--group-by", paramLabel = "COLUMN",
            description = "With --eval, also print the figures for each value of this column (e.g. dataset).")
    String groupBy;

    @Option(names = "--label-column", paramLabel = "COLUMN",
            description = "With --eval, the gold label column (default: label); e.g. label_3way for SemEval's correct /"
                    + " contradictory / incorrect.")
    String labelColumn = GOLD_LABEL;

    @Option(names = "--examples", paramLabel = "JUDGED.csv",
            description = "Judged answers the grader compares answers with: rows with question_id or question,"
                    + " student_answer, and label (correct, partial, anything else incorrect) or score (0-5: 4 and up"
                    + " correct, 2 and up partial). A row is an example of the answers to its question, matched by"
                    + " question_id when both files have that column, else by the question's text; an answer is"
                    + " never its own example. Rows that match no question are reported and ignored.")
    Path examples;

    @Option(names = "--examples-from-eval", paramLabel = "K",
            split = ",",
            description = "With --eval, take the examples from IN.csv itself: K answers of each question (chosen"
                    + " with a fixed seed) are its examples and the others are graded and measured; \"all\": each"
                    + " answer is graded with every other answer of its question as examples (leave one out). Several"
                    + " K (1,3,10,all) are measured one after the other; each prints the figures without examples on"
                    + " the same rows, then with. --out gets the grades without examples.")
    List<String> examplesFromEval;

    @Mixin
    CourseOption course;

    @Option(names = "--threads", paramLabel = "N",
            description = "Answers graded at once (default: the number of processors).")
    Integer threads;

    GradeCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (mode.batch != null && out == null) {
            throw new CommandLine.ParameterException(cl, "--batch needs --out OUT.csv, the file the grades go to.");
        }
        if (groupBy != null && mode.eval == null) {
            throw new CommandLine.ParameterException(cl, "--group-by goes with --eval.");
        }
        if (examples != null && examplesFromEval != null) {
            throw new CommandLine.ParameterException(cl, "--examples and --examples-from-eval exclude each other.");
        }
        if (examplesFromEval != null && mode.eval == null) {
            throw new CommandLine.ParameterException(cl, "--examples-from-eval goes with --eval.");
        }
        List<Integer> fromEvalK = new ArrayList<>();
        for (String k : examplesFromEval == null ? List.<String>of() : examplesFromEval) {
            if (k.strip().equalsIgnoreCase("all")) {
                fromEvalK.add(null);
                continue;
            }
            int parsed;
            try {
                parsed = Integer.parseInt(k.strip());
            } catch (NumberFormatException e) {
                parsed = -1;
            }
            if (parsed < 1) {
                throw new CommandLine.ParameterException(cl, "--examples-from-eval takes numbers of examples per"
                        + " question (1 or more) or \"all\", not \"" + k + "\".");
            }
            fromEvalK.add(parsed);
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be at least 1.");
        }
        PrintWriter err = cl.getErr();
        Path in = mode.batch != null ? mode.batch : mode.eval;
        boolean evaluate = mode.eval != null;

        AnswerCsv csv;
        List<Problem> problems = new ArrayList<>();
        try {
            csv = AnswerCsv.read(in);
            if (csv.has(SET_ID) && csv.has(QUESTION_ID)) {
                csv.require(List.of(AnswerCsv.STUDENT), "every row needs the student's answer");
            } else {
                csv.require(AnswerCsv.REQUIRED, "every row needs the question, the reference answer and the"
                        + " student's answer (or set_id and question_id naming a question of the course)");
            }
            labelColumn = labelColumn.strip().toLowerCase(Locale.ROOT);
            if (evaluate && !csv.has(GOLD_SCORE) && !csv.has(labelColumn)) {
                csv.require(List.of(GOLD_SCORE, labelColumn), "--eval compares the grades with a gold \"score\""
                        + " (a number) or \"label\" (correct or not) column");
            }
            if (groupBy != null) {
                groupBy = groupBy.strip().toLowerCase(Locale.ROOT);
                csv.require(List.of(groupBy), "--group-by names it");
            }
        } catch (AnswerCsv.Unreadable e) {
            err.println(e.problem().format());
            err.flush();
            return 1;
        }
        if (out != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            err.println("lectern: The folder of " + out + " does not exist.");
            err.flush();
            return 1;
        }

        problems.addAll(csv.problems());
        CourseKeys keys = courseKeys(err);
        List<AnswerCsv.Answer> answers = new ArrayList<>(csv.rows().size());
        for (AnswerCsv.Row row : csv.rows()) {
            answers.add(withCourseKey(csv, row, csv.answer(row, problems), keys, problems));
        }
        Gold gold = evaluate ? Gold.read(csv, labelColumn, problems) : null;
        if (examples != null) {
            try {
                AnswerCsv judged = AnswerCsv.read(examples);
                attachExamples(judged, csv, answers, examples.toAbsolutePath().normalize()
                        .equals(in.toAbsolutePath().normalize()), problems);
            } catch (AnswerCsv.Unreadable e) {
                err.println(e.problem().format());
                err.flush();
                return 1;
            }
        }
        problems.sort(Problem.IN_FILE_ORDER);
        report(problems, err);

        Grader grader;
        long loadStart = System.nanoTime();
        try {
            err.println("Loading the grader" + (context.unicode() ? "…" : "..."));
            err.flush();
            grader = context.grader().get();
        } catch (RuntimeException e) {
            err.println("lectern: The grader could not be loaded: " + e.getMessage());
            err.flush();
            return 1;
        }
        long loadNanos = System.nanoTime() - loadStart;

        int poolSize = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<Grade> grades = new ArrayList<>(answers.size());
        int failed = 0;
        BatchGrading.Timing timing;
        Path temp = out == null ? null : Files.createTempFile(out.toAbsolutePath().getParent(),
                "." + out.getFileName() + ".", ".tmp");
        try {
            try (Writer writer = temp == null ? Writer.nullWriter()
                    : Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                    SequenceWriter rows = outputWriter(writer)) {
                List<String> failures = new ArrayList<>();
                timing = BatchGrading.run(answers, grader, poolSize, err, result -> {
                    grades.add(result.grade());
                    if (result.grade() == null) {
                        AnswerCsv.Row row = result.answer().row();
                        failures.add(Problem.error(in, row.line(), 1, "The grader failed on this row ("
                                + result.failure() + "); its output row has no grade.").format());
                    }
                    try {
                        rows.write(outputRow(result));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                failures.forEach(err::println);
                failed = failures.size();
            }
            if (temp != null) {
                AtomicFiles.replace(temp, out);
                temp = null;
            }
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
        if (!evaluate) {
            err.println(timing.describe() + ", written to " + out);
        } else if (out != null) {
            err.println("grades written to " + out);
        }
        err.flush();

        if (evaluate) {
            PrintWriter stdout = cl.getOut();
            printAgreement(stdout, csv, gold, grades, timing, loadNanos);
            for (Integer k : fromEvalK) {
                List<AnswerCsv.Answer> judged = new ArrayList<>(answers);
                boolean[] evaluated = examplesFromEval(csv, judged, k, labelColumn);
                List<Grade> plain = new ArrayList<>(grades);
                List<Grade> withExamples = new ArrayList<>(judged.size());
                BatchGrading.Timing t = BatchGrading.run(judged, grader, poolSize, err,
                        r -> withExamples.add(r.grade()));
                for (int i = 0; i < evaluated.length; i++) {
                    if (!evaluated[i]) {
                        plain.set(i, null);
                        withExamples.set(i, null);
                    }
                }
                String which = k == null ? "every other answer of its question" : Summary.plural(k, "judged answer")
                        + " per question (chosen with seed " + JudgedExamples.SEED + "; those rows left out)";
                stdout.println();
                stdout.println("examples: " + which);
                stdout.println("without examples, on the same rows:");
                printAgreement(stdout, csv, gold, plain, timing, loadNanos);
                stdout.println("with the examples:");
                printAgreement(stdout, csv, gold, withExamples, t, loadNanos);
            }
            stdout.flush();
        }
        boolean errors = failed > 0 || problems.stream().anyMatch(Problem::isError);
        return errors ? 1 : 0;
    }

    /** The rows of a file as judged answers (a row without a usable verdict has none; see {@code needVerdict}). */
    private static List<JudgedExamples.Judged> judgedRows(AnswerCsv csv, List<AnswerCsv.Answer> keys, String label,
            boolean byId, List<Problem> problems, boolean needVerdict) {
        List<JudgedExamples.Judged> out = new ArrayList<>();
        boolean withSet = csv.has(SET_ID);
        for (int i = 0; i < csv.rows().size(); i++) {
            AnswerCsv.Row row = csv.rows().get(i);
            String id = byId ? (withSet ? csv.text(row, SET_ID).strip() + "/" : "") + csv.text(row, QUESTION_ID) : "";
            String question = keys != null ? keys.get(i).key().question() : csv.text(row, AnswerCsv.QUESTION);
            var verdict = JudgedExamples.verdict(csv.text(row, label), csv.text(row, GOLD_SCORE));
            String answer = csv.text(row, AnswerCsv.STUDENT);
            if (needVerdict && (verdict.isEmpty() || answer.isBlank())) {
                problems.add(Problem.warning(csv.file(), row.line(), 1, answer.isBlank()
                        ? "This judged row has no student_answer; it is no example."
                        : "This judged row has no \"" + label + "\" or 0-5 \"" + GOLD_SCORE
                                + "\"; it is no example."));
                continue;
            }
            out.add(new JudgedExamples.Judged(row.number(), row.line(), id, question, answer,
                    verdict.orElse(ExampleVerdict.INCORRECT)));
        }
        return out;
    }

    /** {@code --examples}: each answer gets the judged rows of its question as examples. */
    private static void attachExamples(AnswerCsv judged, AnswerCsv in, List<AnswerCsv.Answer> answers, boolean same,
            List<Problem> problems) throws AnswerCsv.Unreadable {
        judged.require(List.of(AnswerCsv.STUDENT), "every judged row needs the answer that was judged");
        if (!judged.has(GOLD_LABEL) && !judged.has(GOLD_SCORE)) {
            judged.require(List.of(GOLD_LABEL, GOLD_SCORE), "each judged row needs its verdict");
        }
        boolean byId = judged.has(QUESTION_ID) && in.has(QUESTION_ID);
        if (!byId) {
            judged.require(List.of(AnswerCsv.QUESTION), "judged rows are matched to questions by question_id when both"
                    + " files have it, else by the question's text");
        }
        problems.addAll(judged.problems());
        List<JudgedExamples.Judged> rows = judgedRows(judged, null, GOLD_LABEL, byId, problems, true);
        List<JudgedExamples.Judged> targets = judgedRows(in, answers, GOLD_LABEL, byId, problems, false);
        JudgedExamples.Matched matched = JudgedExamples.match(rows, targets, byId, same);
        for (int i = 0; i < answers.size(); i++) {
            answers.set(i, withExamples(answers.get(i), matched.examples().get(i)));
        }
        for (JudgedExamples.Judged j : matched.unmatched()) {
            problems.add(Problem.warning(judged.file(), j.line(), 1, "This judged row matches no question of "
                    + in.file().getFileName() + " (by " + (byId ? "question_id" : "question text") + "); it is ignored."));
        }
    }

    /** {@code --examples-from-eval}: examples from the evaluated file itself; which rows count in the figures. */
    private static boolean[] examplesFromEval(AnswerCsv csv, List<AnswerCsv.Answer> answers, Integer k, String label) {
        boolean byId = csv.has(QUESTION_ID);
        List<JudgedExamples.Judged> rows = judgedRows(csv, answers, label, byId, new ArrayList<>(), false);
        JudgedExamples.Split split = JudgedExamples.fromEval(rows, k, byId);
        for (int i = 0; i < answers.size(); i++) {
            answers.set(i, withExamples(answers.get(i), split.examples().get(i)));
        }
        return split.evaluated();
    }

    private static AnswerCsv.Answer withExamples(AnswerCsv.Answer a, List<JudgedExample> judged) {
        return new AnswerCsv.Answer(a.row(), a.key().withExamples(judged), a.text());
    }

    static final String SET_ID = "set_id";
    static final String QUESTION_ID = "question_id";

    private CourseKeys courseKeys(PrintWriter err) {
        try {
            Path dir = course.dir();
            return new CourseKeys(CourseLoader.load(dir).course());
        } catch (IOException | RuntimeException e) {
            if (course.given().isPresent()) {
                err.println("lectern: The course " + course.given().get() + " could not be read (" + e.getMessage()
                        + "); rows are graded against their own columns.");
            }
            return CourseKeys.none();
        }
    }

    /** A row naming a course question by set and id is graded with that question's key. */
    private static AnswerCsv.Answer withCourseKey(AnswerCsv csv, AnswerCsv.Row row, AnswerCsv.Answer answer,
            CourseKeys keys, List<Problem> problems) {
        if (csv.has(SET_ID) && csv.has(QUESTION_ID)) {
            String set = csv.text(row, SET_ID);
            String id = csv.text(row, QUESTION_ID);
            if (!set.isBlank() && !id.isBlank()) {
                var key = keys.byId(set, id);
                if (key.isPresent()) {
                    return new AnswerCsv.Answer(row, key.get(), answer.text());
                }
                if (answer.key().referenceAnswer().isBlank()) {
                    problems.add(Problem.error(csv.file(), row.line(), 1, "The course has no question \"" + id
                            + "\" in the set \"" + set + "\", and the row gives no reference answer."));
                }
            }
        }
        return new AnswerCsv.Answer(row, keys.complete(answer.key()), answer.text());
    }

    private static void report(List<Problem> problems, PrintWriter err) {
        for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS_SHOWN); i++) {
            err.println(problems.get(i).format());
        }
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            err.println("(" + (problems.size() - MAX_PROBLEMS_SHOWN) + " more problems not shown)");
        }
        err.flush();
    }

    private static SequenceWriter outputWriter(Writer writer) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        OUTPUT_COLUMNS.forEach(schema::addColumn);
        // Quote only the values that need it (a comma, a quote, a line break, or spaces at either end).
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        return mapper.writerFor(String[].class).with(schema.build().withHeader()).writeValues(writer);
    }

    private static String[] outputRow(BatchGrading.Result result) {
        String number = Integer.toString(result.answer().row().number());
        Grade grade = result.grade();
        if (grade == null) {
            return new String[] {number, "", "", "", "", "Not graded: " + result.failure()};
        }
        List<String> covered = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (KeyPointResult k : grade.keyPoints()) {
            (k.covered() ? covered : missed).add(k.keyPoint().text());
        }
        return new String[] {number, Integer.toString(grade.score()), grade.verdict().label(), json(covered),
            json(missed), grade.explanation()};
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gold columns of each row: a score (NaN if none) and whether it is labelled correct (null if no label). */
    record Gold(double[] score, String[] label, TreeSet<String> negativeLabels) {

        static Gold read(AnswerCsv csv, String labelColumn, List<Problem> problems) {
            int n = csv.rows().size();
            double[] score = new double[n];
            String[] label = new String[n];
            TreeSet<String> negatives = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                AnswerCsv.Row row = csv.rows().get(i);
                score[i] = Double.NaN;
                if (csv.has(GOLD_SCORE)) {
                    AnswerCsv.Cell cell = csv.cell(row, GOLD_SCORE).orElse(null);
                    String text = cell == null ? "" : cell.text().strip();
                    try {
                        score[i] = Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        score[i] = Double.NaN;
                    }
                    if (!Double.isFinite(score[i])) {
                        score[i] = Double.NaN;
                        problems.add(Problem.error(csv.file(), cell == null ? row.line() : cell.line(),
                                cell == null ? 1 : cell.column(), "The gold \"score\" should be a number, but is "
                                        + (text.isEmpty() ? "empty" : "\"" + text + "\"")
                                        + "; this row is left out of Pearson r."));
                    }
                }
                if (csv.has(labelColumn)) {
                    AnswerCsv.Cell cell = csv.cell(row, labelColumn).orElse(null);
                    String text = cell == null ? "" : cell.text().strip().toLowerCase(Locale.ROOT);
                    if (text.isEmpty()) {
                        problems.add(Problem.error(csv.file(), cell == null ? row.line() : cell.line(),
                                cell == null ? 1 : cell.column(), "The gold \"label\" is empty; this row is left"
                                        + " out of accuracy, F1 and AUC."));
                    } else {
                        label[i] = text;
                        if (!text.equals(Verdict.CORRECT.label())) {
                            negatives.add(text);
                        }
                    }
                }
            }
            return new Gold(score, label, negatives);
        }

    }

    private void printAgreement(PrintWriter out, AnswerCsv csv, Gold gold, List<Grade> grades,
            BatchGrading.Timing timing, long loadNanos) {
        out.printf(Locale.ROOT, "%s; grader loaded in %s%n", timing.describe(),
                BatchGrading.duration(loadNanos / 1e9));
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < grades.size(); i++) {
            if (grades.get(i) != null && groupBy != null) {
                groups.computeIfAbsent(csv.text(csv.rows().get(i), groupBy), k -> new ArrayList<>()).add(i);
            }
        }
        new GradeFigures(gold.label(), gold.score(), grades).print(out, csv.has(labelColumn), csv.has(GOLD_SCORE),
                groups);
    }
}
