package dev.lectern.study;

import dev.lectern.grading.Grade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An exam: questions drawn at random, the answers typed so far, the time used, and once it is marked a grade per
 * question. Immutable and pure: every change returns a new exam, and the current time is always passed in.
 *
 * <p>Time is counted per sitting, so an exam interrupted by closing the window does not lose the time it was closed
 * for: {@code usedBefore} is the time of earlier sittings and {@code sittingStartedAt} when this one began.
 *
 * @param title       what the exam covers, for lists and headings ("week 7")
 * @param answers     one per question, empty when not answered
 * @param position    the question on screen, 0-based
 * @param grades      empty until the exam is marked, then one per question
 */
public record Exam(String id, String title, List<DrillItem> questions, List<String> answers, int position,
        Instant startedAt, Optional<Duration> timeLimit, Duration usedBefore, Instant sittingStartedAt,
        Optional<Instant> finishedAt, List<Grade> grades) {

    public Exam {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(timeLimit);
        Objects.requireNonNull(usedBefore);
        Objects.requireNonNull(sittingStartedAt);
        Objects.requireNonNull(finishedAt);
        questions = List.copyOf(questions);
        answers = answers.stream().map(a -> a == null ? "" : a).toList();
        grades = List.copyOf(grades);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("an exam needs at least one question");
        }
        if (answers.size() != questions.size()) {
            throw new IllegalArgumentException(answers.size() + " answers for " + questions.size() + " questions");
        }
        if (!grades.isEmpty() && grades.size() != questions.size()) {
            throw new IllegalArgumentException(grades.size() + " grades for " + questions.size() + " questions");
        }
        if (finishedAt.isPresent() != !grades.isEmpty()) {
            throw new IllegalArgumentException("a finished exam has a grade per question, an unfinished one none");
        }
        if (position < 0 || position >= questions.size()) {
            throw new IllegalArgumentException("position " + position + " out of 0.." + (questions.size() - 1));
        }
        if (usedBefore.isNegative() || timeLimit.filter(l -> l.isNegative() || l.isZero()).isPresent()) {
            throw new IllegalArgumentException("negative time used or a time limit that is not positive");
        }
    }

    /** A new exam on these questions, its first sitting starting {@code now}. */
    public static Exam start(String id, String title, List<DrillItem> questions, Optional<Duration> timeLimit,
            Instant now) {
        List<String> blank = new ArrayList<>();
        questions.forEach(q -> blank.add(""));
        return new Exam(id, title, questions, blank, 0, now, timeLimit, Duration.ZERO, now, Optional.empty(), List.of());
    }

    public int size() {
        return questions.size();
    }

    public boolean isFinished() {
        return finishedAt.isPresent();
    }

    /** Time spent on the exam so far, over all sittings. */
    public Duration used(Instant now) {
        if (isFinished()) {
            return usedBefore;
        }
        Duration sitting = Duration.between(sittingStartedAt, now);
        return usedBefore.plus(sitting.isNegative() ? Duration.ZERO : sitting);
    }

    /** Time left, when the exam has a limit; never negative. */
    public Optional<Duration> remaining(Instant now) {
        return timeLimit.map(limit -> {
            Duration left = limit.minus(used(now));
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    public boolean isOutOfTime(Instant now) {
        return remaining(now).map(Duration::isZero).orElse(false);
    }

    public Exam withAnswer(int index, String answer) {
        requireOpen();
        List<String> changed = new ArrayList<>(answers);
        changed.set(Objects.checkIndex(index, size()), answer == null ? "" : answer);
        return new Exam(id, title, questions, changed, position, startedAt, timeLimit, usedBefore, sittingStartedAt,
                finishedAt, grades);
    }

    public Exam at(int newPosition) {
        return new Exam(id, title, questions, answers, Objects.checkIndex(newPosition, size()), startedAt, timeLimit,
                usedBefore, sittingStartedAt, finishedAt, grades);
    }

    /**
     * The exam as it should be saved at {@code now}: the time of this sitting so far moved into {@code usedBefore},
     * so that resuming it later starts a new sitting where this one stopped.
     */
    public Exam checkpoint(Instant now) {
        if (isFinished()) {
            return this;
        }
        return new Exam(id, title, questions, answers, position, startedAt, timeLimit, used(now), now, finishedAt,
                grades);
    }

    /** A saved exam taken up again: a new sitting starts {@code now}. */
    public Exam resumed(Instant now) {
        if (isFinished()) {
            return this;
        }
        return new Exam(id, title, questions, answers, position, startedAt, timeLimit, usedBefore, now, finishedAt,
                grades);
    }

    /** The marked exam: one grade per question, in question order. Time past the limit is not counted. */
    public Exam finished(List<Grade> marks, Instant now) {
        requireOpen();
        Duration used = used(now);
        if (timeLimit.isPresent() && used.compareTo(timeLimit.get()) > 0) {
            used = timeLimit.get();
        }
        return new Exam(id, title, questions, answers, 0, startedAt, timeLimit, used, sittingStartedAt,
                Optional.of(now), marks);
    }

    public boolean isAnswered(int index) {
        return !answers.get(index).isBlank();
    }

    public int answeredCount() {
        return (int) answers.stream().filter(a -> !a.isBlank()).count();
    }

    /** The score over all questions; only for a marked exam. */
    public ExamTotal total() {
        if (!isFinished()) {
            throw new IllegalStateException("exam " + id + " is not marked yet");
        }
        return ExamTotal.of(grades);
    }

    private void requireOpen() {
        if (isFinished()) {
            throw new IllegalStateException("exam " + id + " is already marked");
        }
    }
}
