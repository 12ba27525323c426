package dev.lectern.study;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What a student asks for when starting an exam: how many questions, and an optional time limit. */
public record ExamSetup(int questions, Optional<Duration> timeLimit) {

    /** Questions in an exam unless the student asks for another number. */
    public static final int DEFAULT_QUESTIONS = 10;

    public ExamSetup {
        Objects.requireNonNull(timeLimit);
        if (questions < 1) {
            throw new IllegalArgumentException("an exam needs at least one question, not " + questions);
        }
        if (timeLimit.filter(l -> l.isNegative() || l.isZero()).isPresent()) {
            throw new IllegalArgumentException("a time limit must be positive");
        }
    }

    public static ExamSetup untimed(int questions) {
        return new ExamSetup(questions, Optional.empty());
    }

    public static ExamSetup timed(int questions, Duration limit) {
        return new ExamSetup(questions, Optional.of(limit));
    }
}
