package dev.lectern.cli;

import dev.lectern.course.Problem;
import dev.lectern.grading.AnswerKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An answer CSV read for a command outside this package (the grading bench), with the checks {@code lectern grade}
 * makes: the answers of its rows, and the problems of the rows that could not be read.
 */
public record AnswerFile(List<AnswerFile.Answer> answers, List<Problem> problems) {

    /** One answer to grade: what it is graded against, and the student's text. */
    public record Answer(AnswerKey key, String text) {
    }

    /** The file cannot be read at all, or lacks a required column; the problem says where and why. */
    public static final class Unreadable extends Exception {
        private final transient Problem problem;

        Unreadable(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Reads {@code file}; {@code why} ends the message when a required column is missing. */
    public static AnswerFile read(Path file, String why) throws Unreadable {
        AnswerCsv csv;
        try {
            csv = AnswerCsv.read(file);
            csv.require(AnswerCsv.REQUIRED, why);
        } catch (AnswerCsv.Unreadable e) {
            throw new Unreadable(e.problem());
        }
        List<Problem> problems = new ArrayList<>(csv.problems());
        List<Answer> answers = csv.rows().stream().map(row -> csv.answer(row, problems))
                .map(a -> new Answer(a.key(), a.text())).toList();
        return new AnswerFile(answers, List.copyOf(problems));
    }
}
