package dev.lectern.store.exams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.lectern.store.ProgressStore;
import dev.lectern.store.StoreConnections;
import dev.lectern.store.sqlite.Sqlite;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exams kept in the progress database read back the same; rows that cannot be read are skipped, never fatal; exams that
 * cannot be written are kept in memory and written later.
 */
class ExamStoreTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path data;

    ProgressStore progress;
    ExamStore store;
    List<DrillItem> items;

    @AfterEach
    void tearDown() {
        progress.close();
    }

    @BeforeEach
    void setUp() {
        progress = ProgressStore.open(data, Clock.fixed(T0, ZoneOffset.UTC));
        store = progress.exams();
        Question q1 = new Question("main-claim", "What is the *main* claim?", "ViTs are **not** better.",
                List.of("ConvNets match ViTs."), List.of(new KeyPoint("not better", List.of("no better"))),
                List.of("main-idea"), Difficulty.EASY, new SourceRef(data.resolve("questions/set.json"), 7));
        Question q2 = new Question("setup", "Which data?", "JFT-4B.", List.of(), List.of(), List.of(),
                Difficulty.HARD, new SourceRef(data.resolve("questions/set.json"), 20));
        QuestionSet set = new QuestionSet("convnets", "ConvNets", List.of("convnets"), List.of(q1, q2),
                new SourceRef(data.resolve("questions/set.json"), 1));
        items = List.of(new DrillItem(set, q1), new DrillItem(set, q2));
    }

    private Exam unfinished(String id, Instant started) {
        return Exam.start(id, "Week 8", items, Optional.of(Duration.ofMinutes(15)), started)
                .withAnswer(0, "ViTs are no better.\nReally.").at(1).checkpoint(started.plusSeconds(90));
    }

    private Exam finished(String id, Instant started) {
        Grade good = new Grade(88, Verdict.CORRECT, List.of(new KeyPointResult(new KeyPoint("not better",
                List.of("no better")), true, 0.91, List.of(new Span(9, 18)))), "Covers the key point.",
                List.of(new Signal("overlap", "share of reference words", 0.75, 1.25)));
        Grade none = new Grade(0, Verdict.INCORRECT, List.of(), "No answer given.", List.of());
        return unfinished(id, started).finished(List.of(good, none), started.plusSeconds(300));
    }

    /** The same exam: each question as asked, with its set's id and title (the rest of the set is not kept). */
    private static void assertSame(Exam read, Exam written) {
        assertThat(read).usingRecursiveComparison().ignoringFields("questions.set").isEqualTo(written);
        assertThat(read.questions()).extracting(DrillItem::key)
                .isEqualTo(written.questions().stream().map(DrillItem::key).toList());
        assertThat(read.questions()).extracting(i -> i.set().title()).containsOnly("ConvNets");
    }

    @Test
    void anUnfinishedExamReadsBackTheSame() throws Exception {
        Exam exam = unfinished("exam-1", T0);

        store.save(exam);

        assertThat(store.all()).singleElement().satisfies(read -> assertSame(read, exam));
        assertThat(store.latestUnfinished()).map(Exam::id).contains("exam-1");
        assertThat(store.finished()).isEmpty();
    }

    @Test
    void aFinishedExamReadsBackWithItsGrades() throws Exception {
        Exam exam = finished("exam-1", T0);

        store.save(exam);

        Exam read = store.finished().get(0);
        assertSame(read, exam);
        assertThat(read.total().points()).isEqualTo(88);
        assertThat(store.latestUnfinished()).isEmpty();
    }

    @Test
    void savingAgainReplacesTheExam() throws Exception {
        Exam exam = unfinished("exam-1", T0);
        store.save(exam);

        store.save(exam.withAnswer(1, "JFT-4B"));

        assertThat(store.all()).singleElement().satisfies(e -> assertThat(e.answers().get(1)).isEqualTo("JFT-4B"));
        assertThat(Sqlite.queryLong(StoreConnections.of(progress), "SELECT count(*) FROM exam")).isEqualTo(1);
    }

    @Test
    void anExamStoreMadeFromTheDataFolderSharesTheProgressDatabase() throws Exception {
        store.save(unfinished("exam-1", T0));
        ExamStore separate = ProgressStore.examsIn(data);

        separate.save(finished("exam-2", T0.plusSeconds(60)));

        assertThat(separate.all()).extracting(Exam::id).containsExactly("exam-2", "exam-1");
        assertThat(store.all()).extracting(Exam::id).containsExactly("exam-2", "exam-1");
        assertThat(separate.folder()).isEqualTo(data.toAbsolutePath());
    }

    @Test
    void anExamStoreMadeFromAnEmptyFolderHasNoExamsUntilOneIsSaved(@TempDir Path other) throws Exception {
        ExamStore separate = ProgressStore.examsIn(other.resolve("data"));
        assertThat(separate.all()).isEmpty();

        separate.save(unfinished("exam-1", T0));

        assertThat(separate.latestUnfinished()).map(Exam::id).contains("exam-1");
        assertThat(other.resolve("data/progress.db")).exists();
    }

    @Test
    void anExamThatCannotBeWrittenIsKeptInMemoryAndWrittenOnRetry() throws Exception {
        StoreConnections.fillTheDisk(progress);

        Exam big = unfinished("exam-1", T0).withAnswer(1, "JFT-4B ".repeat(3000));
        assertThatThrownBy(() -> store.save(big))
                .isInstanceOf(IOException.class).hasMessageContaining("the disk is full");

        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(store.all()).extracting(Exam::id).containsExactly("exam-1");
        Sqlite.exec(StoreConnections.of(progress), "PRAGMA max_page_count = 1000000");
        progress.retryPending();
        assertThat(store.pendingCount()).isZero();
        progress.close();
        try (ProgressStore again = ProgressStore.open(data, Clock.fixed(T0, ZoneOffset.UTC))) {
            assertThat(again.exams().all()).extracting(Exam::id).containsExactly("exam-1");
        }
    }

    @Test
    void examsAreListedNewestFirst() throws Exception {
        store.save(finished("exam-old", T0));
        store.save(unfinished("exam-new", T0.plusSeconds(3600)));
        store.save(unfinished("exam-mid", T0.plusSeconds(60)));

        assertThat(store.all()).extracting(Exam::id).containsExactly("exam-new", "exam-mid", "exam-old");
        assertThat(store.latestUnfinished()).map(Exam::id).contains("exam-new");
    }

    @Test
    void deletingRemovesTheExam() throws Exception {
        store.save(unfinished("exam-1", T0));

        store.delete("exam-1");

        assertThat(store.all()).isEmpty();
    }

    @Test
    void noExamsMeansNoExams() {
        assertThat(store.all()).isEmpty();
        assertThat(store.latestUnfinished()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json at all",
        "{\"format\": 1, \"id\": \"bad\",",
        "{\"format\": 99, \"id\": \"bad\", \"title\": \"x\", \"startedAt\": \"2026-03-02T10:00:00Z\", \"questions\": []}",
        "{\"format\": 1, \"id\": \"bad\", \"title\": \"x\", \"startedAt\": \"yesterday\", \"questions\": []}",
        "{\"format\": 1, \"id\": \"bad\", \"title\": \"x\", \"startedAt\": \"2026-03-02T10:00:00Z\", \"questions\": []}",
        "{\"format\": 1, \"id\": \"other\", \"title\": \"x\", \"startedAt\": \"2026-03-02T10:00:00Z\","
                + " \"questions\": [{\"setId\": \"s\", \"questionId\": \"q\", \"answer\": \"\"}]}",
        "{\"format\": 1, \"id\": \"bad\", \"title\": \"x\", \"startedAt\": \"2026-03-02T10:00:00Z\", \"position\": 5,"
                + " \"questions\": [{\"setId\": \"s\", \"questionId\": \"q\"}]}",
        "[1, 2, 3]",
        "null"})
    void aRowThatCannotBeReadIsSkippedAndTheOthersStillLoad(String content) throws Exception {
        store.save(unfinished("exam-good", T0));
        try (PreparedStatement insert = StoreConnections.of(progress).prepareStatement(
                "INSERT INTO exam (id, title, started_at, payload) VALUES ('bad', 'x', 0, ?)")) {
            insert.setString(1, content);
            insert.executeUpdate();
        }

        assertThat(store.all()).extracting(Exam::id).containsExactly("exam-good");
    }

    @Test
    void idsThatAreNotPlainFileNamesAreRefused() {
        assertThatThrownBy(() -> store.delete("../settings")).isInstanceOf(IllegalArgumentException.class);
    }
}
