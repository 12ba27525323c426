package dev.lectern.store;

import static dev.lectern.store.Reviews.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import dev.lectern.store.exams.ExamFile;
import dev.lectern.store.sqlite.Migrations;
import dev.lectern.store.sqlite.Sqlite;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    static final Clock CLOCK = Clock.fixed(T0.plus(Duration.ofDays(30)), ZoneOffset.UTC);

    @TempDir
    Path data;

    private void installV1Fixture() throws Exception {
        Files.createDirectories(data);
        try (InputStream in = MigrationTest.class.getResourceAsStream(V1Fixture.RESOURCE)) {
            Files.copy(in, data.resolve("progress.db"));
        }
    }

    private static Exam exam(String id) {
        Question q = new Question("q", "Why?", "Because.", List.of(), List.of(), List.of(), null, null);
        QuestionSet set = new QuestionSet("set", "Set", List.of(), List.of(q), null);
        return Exam.start(id, "Week 7", List.of(new DrillItem(set, q)), Optional.empty(), T0).withAnswer(0, "Hm.");
    }

    @Test
    void theV1FixtureIsAtVersionOneWithoutExams() throws Exception {
        installV1Fixture();
        try (Connection c = Sqlite.open(data.resolve("progress.db"), true)) {
            assertThat(Migrations.version(c)).isEqualTo(1);
            assertThat(Sqlite.hasTable(c, "exam")).isFalse();
            assertThat(Sqlite.queryLong(c, "SELECT count(*) FROM review")).isEqualTo(V1Fixture.REVIEWS);
        }
    }

    @Test
    void upgradingAVersionOneDatabaseKeepsItsDataAndTakesABackupFirst() throws Exception {
        installV1Fixture();
        Path legacy = Files.createDirectories(data.resolve("exams"));
        Files.write(legacy.resolve("exam-1.json"), ExamFile.of(exam("exam-1")).json().getBytes(StandardCharsets.UTF_8));
        Files.writeString(legacy.resolve("broken.json"), "{ not json");

        try (ProgressStore store = ProgressStore.open(data, CLOCK)) {
            assertThat(store.readOnly()).isFalse();
            assertThat(Migrations.version(store.connection())).isEqualTo(Migrations.LATEST);
            assertThat(store.allReviews()).isEqualTo(V1Fixture.reviews());
            assertThat(store.cardStates()).hasSize(V1Fixture.CARDS);
            assertThat(store.check().staleCards()).isZero();
            assertThat(store.schedulerSettings().desiredRetention()).isEqualTo(0.85);
            assertThat(store.schedulerSettings().newPerDay()).isEqualTo(12);
            assertThat(store.exams().all()).extracting(Exam::id).containsExactly("exam-1");
            assertThat(store.notices()).anySatisfy(n -> assertThat(n)
                    .startsWith("Lectern upgraded your progress database; a copy from before the upgrade is in "))
                    .anySatisfy(n -> assertThat(n).contains("exams are now kept in the progress database")
                            .contains("exams.imported"));
        }

        Path before;
        try (Stream<Path> files = Files.list(data.resolve("backups"))) {
            before = files.filter(p -> p.getFileName().toString().startsWith("progress-before-v" + Migrations.LATEST + "-")).findFirst()
                    .orElseThrow();
        }
        try (Connection c = Sqlite.open(before, true)) {
            assertThat(Migrations.version(c)).isEqualTo(1);
            assertThat(Sqlite.queryLong(c, "SELECT count(*) FROM review")).isEqualTo(V1Fixture.REVIEWS);
        }
        assertThat(data.resolve("exams")).doesNotExist();
        assertThat(data.resolve("exams.imported/exam-1.json")).exists();
        assertThat(data.resolve("exams.imported/broken.json")).exists();
    }

    @Test
    void anUpgradedDatabaseIsNotUpgradedAgain() throws Exception {
        installV1Fixture();
        ProgressStore.open(data, CLOCK).close();

        try (ProgressStore store = ProgressStore.open(data, CLOCK)) {
            assertThat(store.notices()).isEmpty();
        }
        try (Stream<Path> files = Files.list(data.resolve("backups"))) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("progress-before-"))).hasSize(1);
        }
    }

    @Test
    void aNewDatabaseImportsTheExamFilesOfEarlierVersions() throws Exception {
        Path legacy = Files.createDirectories(data.resolve("exams"));
        Files.write(legacy.resolve("exam-1.json"), ExamFile.of(exam("exam-1")).json().getBytes(StandardCharsets.UTF_8));

        try (ProgressStore store = ProgressStore.open(data, CLOCK)) {
            assertThat(store.exams().latestUnfinished()).map(Exam::id).contains("exam-1");
            assertThat(store.notices()).singleElement().asString().contains("exams.imported");
        }
        assertThat(data.resolve("exams.imported/exam-1.json")).exists();
    }

    @Test
    void aDatabaseFromANewerLecternIsOpenedReadOnly() throws Exception {
        ProgressStore.open(data, CLOCK).close();
        try (Connection c = Sqlite.open(data.resolve("progress.db"), false)) {
            Sqlite.exec(c, "PRAGMA user_version = 99");
        }

        try (ProgressStore store = ProgressStore.open(data, CLOCK)) {
            assertThat(store.readOnly()).isTrue();
            assertThat(store.notices()).singleElement().asString().contains("written by a newer Lectern");
            assertThat(store.append(Reviews.flashcard("s", "q", T0, dev.lectern.scheduling.FlashcardRating.GOOD))
                    .saved()).isFalse();
        }
    }

    @Test
    void upgradingAVersionTwoDatabaseKeepsItsReviewsAndExamsAndAddsTheRenameTable() throws Exception {
        installV1Fixture();
        try (Connection c = Sqlite.open(data.resolve("progress.db"), false)) {
            Schema.migrate(c, data, 2);
            assertThat(Migrations.version(c)).isEqualTo(2);
            Sqlite.exec(c, "INSERT INTO exam (id, title, started_at, finished_at, payload) VALUES"
                    + " ('x', 'Old exam', 0, NULL, '{}')");
        }

        try (ProgressStore store = ProgressStore.open(data, CLOCK)) {
            assertThat(Migrations.version(store.connection())).isEqualTo(Migrations.LATEST);
            assertThat(store.allReviews()).isEqualTo(V1Fixture.reviews());
            assertThat(store.allReviews()).as("reviews from before version 4 have no grader's verdict")
                    .allMatch(r -> r.graded().isEmpty());
            assertThat(store.cardStates()).hasSize(V1Fixture.CARDS);
            assertThat(Sqlite.queryLong(store.connection(), "SELECT count(*) FROM exam")).isEqualTo(1);
            assertThat(Sqlite.queryLong(store.connection(), "SELECT count(*) FROM card_rename")).isZero();
            assertThat(store.check().ok()).isTrue();
        }
    }
}
