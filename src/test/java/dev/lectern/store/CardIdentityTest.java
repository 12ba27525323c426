package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.DueQueue;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.DrillScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card is its set id and question id, nothing else: what a course author does to the files (reword a question,
 * take it out, put it back) never resets a student's progress. Real course files, a real progress database.
 */
class CardIdentityTest {

    static final Instant T0 = Reviews.T0;
    static final CardKey ONE = new CardKey("counting", "one");

    @TempDir
    Path course;

    @TempDir
    Path data;

    @BeforeEach
    void writeCourse() throws IOException {
        Files.createDirectories(course.resolve("readings"));
        Files.createDirectories(course.resolve("questions"));
        Files.writeString(course.resolve("readings/numbers.md"), "---\nid: numbers\ntitle: Numbers\nweek: 3\n"
                + "questionSets: [counting]\n---\n\n## Abstract\n\nOn numbers.\n");
        writeSet(true, "What is one?");
    }

    private void writeSet(boolean withOne, String promptOfOne) throws IOException {
        String one = "  {\"id\": \"one\", \"prompt\": \"" + promptOfOne + "\", \"referenceAnswer\": \"The first.\"},\n";
        Files.writeString(course.resolve("questions/counting.json"), "{\"id\": \"counting\", \"title\": \"Counting\","
                + " \"readings\": [\"numbers\"], \"questions\": [\n" + (withOne ? one : "")
                + "  {\"id\": \"two\", \"prompt\": \"What is two?\", \"referenceAnswer\": \"The second.\"}]}\n");
    }

    private List<CardKey> cardsOfCourse() {
        Course c = CourseLoader.load(course).course();
        return DrillPlans.questions(c, new DrillScope.WholeCourse()).stream().map(DrillItem::card).toList();
    }

    private static ProgressStore open(Path data, Instant now) {
        return ProgressStore.open(data, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void rewordingRemovingAndRestoringAQuestionNeverResetsItsProgress() throws IOException {
        ReviewRecord first = Reviews.flashcard("counting", "one", T0, FlashcardRating.EASY);
        CardState learned;
        try (ProgressStore store = open(data, T0)) {
            store.append(first);
            learned = store.cardStates().get(ONE);
        }
        Instant due = learned.due().orElseThrow();
        assertThat(DueQueue.build(cardsOfCourse(), java.util.Map.of(), due, 0)).as("new cards are not due").isEmpty();

        writeSet(true, "Which number comes first?");
        try (ProgressStore store = open(data, due)) {
            assertThat(DueQueue.build(cardsOfCourse(), store.cardStates(), due, 0)).containsExactly(ONE);
            assertThat(store.cardStates().get(ONE)).isEqualTo(learned);
        }

        writeSet(false, "Which number comes first?");
        try (ProgressStore store = open(data, due)) {
            assertThat(cardsOfCourse()).doesNotContain(ONE);
            assertThat(DueQueue.build(cardsOfCourse(), store.cardStates(), due, 0)).isEmpty();
            assertThat(store.rebuild()).isZero();
            assertThat(store.allReviews()).containsExactly(first);
            assertThat(DrillPlans.notInCourse(CourseLoader.load(course).course(), store.cardStates().keySet()))
                    .containsExactly("counting/one");
        }

        writeSet(true, "What is one?");
        try (ProgressStore store = open(data, due.plus(Duration.ofMinutes(1)))) {
            assertThat(store.cardStates().get(ONE)).isEqualTo(learned);
            assertThat(DueQueue.build(cardsOfCourse(), store.cardStates(), due, 0)).containsExactly(ONE);
        }
    }
}
