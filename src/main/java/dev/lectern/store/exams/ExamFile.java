package dev.lectern.store.exams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.course.Difficulty;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.SourceRef;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Signal;
import dev.lectern.grading.Span;
import dev.lectern.grading.Verdict;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exam as it is written to disk, version {@link #FORMAT}. Every question carries a copy of what it was asked
 * with, so an exam reads back the same after the course changed or moved. Public for the store and its tests
 * ({@code ArchitectureRules.storeInternalsAreUsedOnlyByTheStore}).
 */
public record ExamFile(int format, String id, String title, String startedAt, Long timeLimitSeconds, long usedMillis,
        String savedAt, int position, String finishedAt, List<QuestionEntry> questions) {

    static final int FORMAT = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ExamFile.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public record QuestionEntry(String setId, String setTitle, String questionId, String prompt, String referenceAnswer,
            List<String> alternativeAnswers, List<KeyPointEntry> keyPoints, List<String> tags, String difficulty,
            String sourceFile, int sourceLine, String answer, GradeEntry grade) {
    }

    public record KeyPointEntry(String text, List<String> accepted) {
    }

    public record GradeEntry(int score, String verdict, String explanation, List<KeyPointResultEntry> keyPoints,
            List<SignalEntry> signals) {
    }

    public record KeyPointResultEntry(String text, List<String> accepted, boolean covered, double similarity,
            List<SpanEntry> evidence) {
    }

    public record SpanEntry(int start, int end) {
    }

    public record SignalEntry(String name, String description, double value, double contribution) {
    }

    /** The file as JSON, as the {@code exam} table's {@code payload} keeps it. */
    public String json() throws JsonProcessingException {
        return JSON.writeValueAsString(this);
    }

    /** An exam from its JSON; empty (and logged) when it cannot be read or is not exam {@code expectedId}. */
    static Optional<Exam> parse(String json, String expectedId, String where) {
        try {
            ExamFile saved = JSON.readValue(json, ExamFile.class);
            if (saved == null) {
                throw new IOException("it is empty");
            }
            if (saved.format() != FORMAT) {
                throw new IOException("format " + saved.format() + " is not one this version reads");
            }
            Exam exam = saved.toExam();
            if (!exam.id().equals(expectedId)) {
                throw new IOException("it holds exam " + exam.id());
            }
            return Optional.of(exam);
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping {}: {}", where, e.getMessage());
            return Optional.empty();
        }
    }

    /** The exam in the file format. */
    public static ExamFile of(Exam exam) {
        List<QuestionEntry> questions = new ArrayList<>();
        for (int i = 0; i < exam.size(); i++) {
            DrillItem item = exam.questions().get(i);
            Question q = item.question();
            SourceRef source = q.source() != null ? q.source() : item.set().source();
            questions.add(new QuestionEntry(item.set().id(), item.set().title(), q.id(), q.prompt(),
                    q.referenceAnswer(), q.alternativeAnswers(),
                    q.keyPoints().stream().map(k -> new KeyPointEntry(k.text(), k.accepted())).toList(),
                    q.tags(), q.difficulty() == null ? null : q.difficulty().key(),
                    source == null || source.file() == null ? null : source.file().toString(),
                    source == null ? 0 : source.line(),
                    exam.answers().get(i),
                    exam.isFinished() ? toEntry(exam.grades().get(i)) : null));
        }
        return new ExamFile(FORMAT, exam.id(), exam.title(), exam.startedAt().toString(),
                exam.timeLimit().map(Duration::toSeconds).orElse(null), exam.usedBefore().toMillis(),
                exam.sittingStartedAt().toString(), exam.position(),
                exam.finishedAt().map(Instant::toString).orElse(null), questions);
    }

    private static GradeEntry toEntry(Grade grade) {
        return new GradeEntry(grade.score(), grade.verdict().label(), grade.explanation(),
                grade.keyPoints().stream().map(k -> new KeyPointResultEntry(k.keyPoint().text(),
                        k.keyPoint().accepted(), k.covered(), finite(k.similarity()),
                        k.evidence().stream().map(s -> new SpanEntry(s.start(), s.end())).toList())).toList(),
                grade.signals().stream().map(s -> new SignalEntry(s.name(), s.description(),
                        finite(s.value()), finite(s.contribution()))).toList());
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    /** The exam this file holds (the questions as they were asked, each in a set of its own id and title). */
    Exam toExam() {
        ExamFile saved = this;
        List<QuestionEntry> entries = orEmpty(saved.questions());
        List<DrillItem> items = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<Grade> grades = new ArrayList<>();
        for (QuestionEntry e : entries) {
            SourceRef source = e.sourceFile() == null ? null : new SourceRef(Path.of(e.sourceFile()), e.sourceLine());
            Question q = new Question(required(e.questionId(), "questionId"), text(e.prompt()),
                    text(e.referenceAnswer()), orEmpty(e.alternativeAnswers()),
                    orEmpty(e.keyPoints()).stream().map(k -> new KeyPoint(text(k.text()), orEmpty(k.accepted())))
                            .toList(),
                    orEmpty(e.tags()), difficulty(e.difficulty()), source);
            QuestionSet set = new QuestionSet(required(e.setId(), "setId"), text(e.setTitle()), List.of(), List.of(q),
                    source);
            items.add(new DrillItem(set, q));
            answers.add(text(e.answer()));
            if (e.grade() != null) {
                grades.add(fromEntry(e.grade()));
            }
        }
        Optional<Instant> finishedAt = Optional.ofNullable(saved.finishedAt()).map(Instant::parse);
        Instant startedAt = Instant.parse(required(saved.startedAt(), "startedAt"));
        return new Exam(required(saved.id(), "id"), text(saved.title()), items, answers, saved.position(), startedAt,
                Optional.ofNullable(saved.timeLimitSeconds()).map(Duration::ofSeconds),
                Duration.ofMillis(saved.usedMillis()),
                saved.savedAt() == null ? startedAt : Instant.parse(saved.savedAt()), finishedAt,
                finishedAt.isPresent() ? grades : List.of());
    }

    private static Grade fromEntry(GradeEntry g) {
        return new Grade(g.score(), Verdict.fromLabel(required(g.verdict(), "verdict")), orEmpty(g.keyPoints()).stream()
                .map(k -> new KeyPointResult(new KeyPoint(text(k.text()), orEmpty(k.accepted())), k.covered(),
                        k.similarity(), orEmpty(k.evidence()).stream().map(s -> new Span(s.start(), s.end())).toList()))
                .toList(), text(g.explanation()), orEmpty(g.signals()).stream()
                .map(s -> new Signal(text(s.name()), text(s.description()), s.value(), s.contribution())).toList());
    }

    private static Difficulty difficulty(String key) {
        if (key == null) {
            return Difficulty.MEDIUM;
        }
        try {
            return Difficulty.valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Difficulty.MEDIUM;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(x -> x != null).toList();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value;
    }
}
