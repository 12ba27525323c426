package dev.lectern.cli;

import dev.lectern.course.Problem;
import dev.lectern.files.AtomicFiles;
import dev.lectern.grading.Calibration;
import dev.lectern.grading.StandardGrader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lectern calibrate DEV.csv}: fits the grader's weights on human-judged answers, cross-validated by
 * question, and prints how it grades questions it has not seen. For the people who build Lectern.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, hidden = true,
        description = "Fits the grader's weights on human-judged answers (columns dataset, question_id, question,"
                + " reference_answer, alternative_answers, student_answer, label) and prints held-out-question figures.")
final class CalibrateCommand extends PrintingCommand {

    @Parameters(paramLabel = "DEV.csv", description = "Human-judged answers, e.g. shared/grading-dev/semeval2013-train.csv.")
    Path input;

    @Option(names = "--write-model", paramLabel = "FILE", description = "Write the model fitted on all rows here.")
    Path modelOut;

    @Option(names = "--folds", defaultValue = "10", description = "Folds of questions (default ${DEFAULT-VALUE}).")
    int folds;

    @Override
    protected int run(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        List<Calibration.Example> examples;
        try {
            examples = read(input, err);
        } catch (AnswerCsv.Unreadable e) {
            err.println(e.problem().format());
            err.flush();
            return 1;
        }
        err.println("Loading the grader…");
        err.flush();
        Calibration calibration = new Calibration(StandardGrader.load());
        long start = System.nanoTime();
        double[][] features = calibration.measure(examples, done -> {
            if (done % 1000 == 0) {
                err.printf(Locale.ROOT, "measured %,d of %,d answers%n", done, examples.size());
                err.flush();
            }
        });
        long measured = System.nanoTime();
        Calibration.Report report = calibration.calibrate(examples, features, folds);
        out.printf(Locale.ROOT, "%,d answers measured in %.1f s; fitted in %.1f s%n", examples.size(),
                (measured - start) / 1e9, (System.nanoTime() - measured) / 1e9);
        print(out, "held-out questions (" + folds + " folds)", report.crossValidated());
        report.byDataset().forEach((d, f) -> print(out, "  " + d, f));
        report.acrossDatasets().forEach((d, f) -> print(out, "fitted without " + d + ", graded on it", f));
        if (modelOut != null) {
            AtomicFiles.write(modelOut, report.modelJson().getBytes(StandardCharsets.UTF_8));
            out.println("model written to " + modelOut);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String what, Calibration.Figures f) {
        out.printf(Locale.ROOT, "%-40s n=%,6d  accuracy %.3f  weighted F1 %.3f  ROC AUC %.3f%n", what, f.n(),
                f.accuracy(), f.weightedF1(), f.auc());
    }

    /** The rows of the file as examples, read by {@link AnswerCsv}; problems print as file:line:column. */
    private static List<Calibration.Example> read(Path file, PrintWriter err) throws AnswerCsv.Unreadable {
        AnswerCsv csv = AnswerCsv.read(file);
        csv.require(List.of(AnswerCsv.QUESTION, AnswerCsv.REFERENCE, AnswerCsv.STUDENT, "label"),
                "calibration needs the answer key, the student's answer and the gold label of every row");
        List<Problem> problems = new ArrayList<>(csv.problems());
        List<Calibration.Example> out = new ArrayList<>();
        for (AnswerCsv.Row row : csv.rows()) {
            AnswerCsv.Answer answer = csv.answer(row, problems);
            String dataset = csv.text(row, "dataset");
            String group = csv.text(row, "question_id");
            out.add(new Calibration.Example(dataset.isEmpty() ? "dev" : dataset,
                    group.isEmpty() ? answer.key().question() : group, answer.key(), answer.text(),
                    "correct".equals(csv.text(row, "label").strip())));
        }
        problems.stream().sorted(Problem.IN_FILE_ORDER).forEach(p -> err.println(p.format()));
        return out;
    }
}
