package dev.lectern.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import dev.lectern.review.DrillItem;
import dev.lectern.review.Exam;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exams as one JSON file each under {@code <data dir>/exams/}: unfinished ones so they can be resumed, finished
 * ones so their results can be read again. Writes are atomic; a file that cannot be read is skipped with a warning.
 */
public final class ExamStore {

    private static final Logger LOG = LoggerFactory.getLogger(ExamStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    private final Path folder;

    /** @param dataDir the user's data folder ({@code UserDirs.data()}) */
    public ExamStore(Path dataDir) {
        this.folder = dataDir.resolve("exams");
    }

    public Path folder() {
        return folder;
    }

    /** Writes the exam, replacing an earlier save of it: a temporary file, flushed, renamed over the old one. */
    public synchronized void save(Exam exam) throws IOException {
        Path file = fileOf(exam.id());
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, exam.id() + "-", ".tmp");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(toFile(exam)));
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Every exam that can be read, newest first. Files that cannot be read are left alone and logged. */
    public synchronized List<Exam> all() {
        List<Exam> exams = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return exams;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                read(file).ifPresent(exams::add);
            }
        } catch (IOException e) {
            LOG.warn("the exams in {} could not be listed: {}", folder, e.getMessage());
        }
        exams.sort(Comparator.comparing(Exam::startedAt).reversed().thenComparing(Exam::id));
        return exams;
    }

    /** The most recently started exam that is not finished, if any. */
    public Optional<Exam> latestUnfinished() {
        return all().stream().filter(e -> !e.isFinished()).findFirst();
    }

    /** Finished exams, newest first. */
    public List<Exam> finished() {
        return all().stream().filter(Exam::isFinished).toList();
    }

    public synchronized void delete(String id) throws IOException {
        Files.deleteIfExists(fileOf(id));
    }

    private Path fileOf(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a usable exam id: " + id);
        }
        return folder.resolve(id + ".json");
    }

    private static Optional<Exam> read(Path file) {
        try {
            ExamFile saved = JSON.readValue(file.toFile(), ExamFile.class);
            if (saved == null) {
                throw new IOException("the file is empty");
            }
            if (saved.format() != ExamFile.FORMAT) {
                throw new IOException("format " + saved.format() + " is not one this version reads");
            }
            Exam exam = fromFile(saved);
            String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
            if (!exam.id().equals(expected)) {
                throw new IOException("it holds exam " + exam.id());
            }
            return Optional.of(exam);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("skipping exam file {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    // ---- to and from the file format ----

    static ExamFile toFile(Exam exam) {
        List<ExamFile.QuestionEntry> questions = new ArrayList<>();
        for (int i = 0; i < exam.size(); i++) {
            DrillItem item = exam.questions().get(i);
            Question q = item.question();
            SourceRef source = q.source() != null ? q.source() : item.set().source();
            questions.add(new ExamFile.QuestionEntry(item.set().id(), item.set().title(), q.id(), q.prompt(),
                    q.referenceAnswer(), q.alternativeAnswers(),
                    q.keyPoints().stream().map(k -> new ExamFile.KeyPointEntry(k.text(), k.accepted())).toList(),
                    q.tags(), q.difficulty() == null ? null : q.difficulty().key(),
                    source == null || source.file() == null ? null : source.file().toString(),
                    source == null ? 0 : source.line(),
                    exam.answers().get(i),
                    exam.isFinished() ? toEntry(exam.grades().get(i)) : null));
        }
        return new ExamFile(ExamFile.FORMAT, exam.id(), exam.title(), exam.startedAt().toString(),
                exam.timeLimit().map(Duration::toSeconds).orElse(null), exam.usedBefore().toMillis(),
                exam.sittingStartedAt().toString(), exam.position(),
                exam.finishedAt().map(Instant::toString).orElse(null), questions);
    }

    private static ExamFile.GradeEntry toEntry(Grade grade) {
        return new ExamFile.GradeEntry(grade.score(), grade.verdict().label(), grade.explanation(),
                grade.keyPoints().stream().map(k -> new ExamFile.KeyPointResultEntry(k.keyPoint().text(),
                        k.keyPoint().accepted(), k.covered(), finite(k.similarity()),
                        k.evidence().stream().map(s -> new ExamFile.SpanEntry(s.start(), s.end())).toList())).toList(),
                grade.signals().stream().map(s -> new ExamFile.SignalEntry(s.name(), s.description(),
                        finite(s.value()), finite(s.contribution()))).toList());
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    static Exam fromFile(ExamFile saved) {
        List<ExamFile.QuestionEntry> entries = orEmpty(saved.questions());
        List<DrillItem> items = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<Grade> grades = new ArrayList<>();
        for (ExamFile.QuestionEntry e : entries) {
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

    private static Grade fromEntry(ExamFile.GradeEntry g) {
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
