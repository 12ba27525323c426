package dev.lectern.interchange.anki;

import static dev.lectern.interchange.ImportFixtures.applyAndLoad;
import static dev.lectern.interchange.ImportFixtures.fixture;
import static dev.lectern.interchange.ImportFixtures.messages;
import static dev.lectern.interchange.ImportFixtures.plan;
import static dev.lectern.interchange.ImportFixtures.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.ReadingKind;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.interchange.ImportKind;
import dev.lectern.interchange.ImportOptions;
import dev.lectern.interchange.ImportPlan;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.Importer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnkiImporterTest {

    @TempDir
    Path dir;

    private Path course;

    @BeforeEach
    void courseFromThePosts() {
        course = dir.resolve("course");
        applyAndLoad(plan(ImportKind.POSTS, course, fixture("posts")));
    }

    private static Question question(QuestionSet set, String prompt) {
        return set.questions().stream().filter(q -> q.prompt().equals(prompt)).findFirst()
                .orElseThrow(() -> new AssertionError("no question " + prompt + " in "
                        + set.questions().stream().map(Question::prompt).toList()));
    }

    @Test
    void ankiNotesExportHonoursItsHeaders() {
        ImportPlan plan = plan(ImportKind.ANKI, course, fixture("anki/patch-codebooks-notes.txt"));
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(loaded.problems()).isEmpty();
        QuestionSet set = set(loaded, "patch-codebooks");
        assertThat(set.title()).as("from the deck column").isEqualTo("Course / Patch Codebooks");
        assertThat(set.readingIds()).containsExactly("patch-codebooks");
        Question first = question(set, "What does a **codebook** hold?");
        assertThat(first.id()).isEqualTo("anki-Ab1.2fx.2b");
        assertThat(first.referenceAnswer()).isEqualTo("A list of learned vectors;\neach patch maps to\tone index.");
        assertThat(first.tags()).containsExactly("week7", "tokenizers");
        assertThat(question(set, "Why pick the *nearest* vector?").referenceAnswer())
                .isEqualTo("It gives the \"closest\" token\nand keeps the error small.");
        assertThat(question(set, "What does this diagram show?").referenceAnswer())
                .isEqualTo("The encoder, the codebook and the decoder.");
        Question cloze = question(set, "A codebook entry that is never used is […] to a recent […].");
        assertThat(cloze.referenceAnswer()).isEqualTo("reset; encoder output");
        assertThat(set.questions()).hasSize(4);
        assertThat(plan.report().skipped()).extracting(e -> e.line() + ": " + e.message()).containsExactly(
                "9: An image (d.png) is left out of this note; Lectern's question sets hold text only.",
                "9: A sound ([sound:voice.mp3]) is left out of this note; Lectern's question sets hold text only.",
                "11: The note \"A card with an empty back\" has no answer (its Back is empty), so it is left out.");
    }

    @Test
    void csvWithAFrontBackHeaderRowIsAQuestionSet() {
        ImportPlan plan = plan(ImportKind.ANKI, course, fixture("anki/pixels-without-words-cards.csv"));
        LoadedCourse loaded = applyAndLoad(plan);

        QuestionSet set = set(loaded, "pixels-without-words-cards");
        assertThat(set.readingIds()).containsExactly("pixels-without-words");
        assertThat(set.questions()).extracting(Question::prompt)
                .containsExactly("What does the model train on?", "Which tasks, if any, need words?");
        assertThat(question(set, "Which tasks, if any, need words?").referenceAnswer())
                .isEqualTo("None of them: every task is posed\nwith pictures.");
        assertThat(question(set, "Which tasks, if any, need words?").tags()).containsExactly("tasks", "prompts");
        assertThat(plan.report().skipped()).extracting(ImportReport.Entry::line).containsExactly(5);
        assertThat(messages(plan)).anyMatch(m -> m.contains("is matched to the reading pixels-without-words"));
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void namedColumnsAreFoundWhateverTheirCaseAndOrder() {
        ImportPlan plan = plan(ImportKind.ANKI, course, fixture("anki/semicolon-columns.txt"));
        LoadedCourse loaded = applyAndLoad(plan);

        QuestionSet set = set(loaded, "grid-attention");
        assertThat(set.title()).isEqualTo("Grid Attention");
        assertThat(set.readingIds()).containsExactly("grid-attention-for-tiny-images");
        assertThat(question(set, "Why is grid attention cheap?").referenceAnswer())
                .isEqualTo("Cost grows with the window; not with the image");
        assertThat(question(set, "What does each patch attend to?").tags()).containsExactly("geometry");
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void pipeAndLiteralSeparatorsWorkAndHtmlFalseKeepsTheTextAsItIs() {
        ImportPlan plan = Importer.plan(ImportKind.ANKI, List.of(fixture("anki/pipe.txt"),
                fixture("anki/literal-tilde.txt"), fixture("anki/plain.tsv")), course,
                new ImportOptions(OptionalInt.empty(), Optional.of("pixels-without-words")));
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(question(set(loaded, "pipe"), "What is a <b>pixel</b>?").referenceAnswer())
                .isEqualTo("A single <dot> of colour");
        assertThat(question(set(loaded, "literal-tilde"), "What separates these fields?").referenceAnswer())
                .isEqualTo("A tilde, given as a literal separator.");
        assertThat(question(set(loaded, "plain"), "What is a TSV file?").referenceAnswer())
                .isEqualTo("Values separated by tabs.");
        assertThat(loaded.course().questionSets()).allMatch(s -> s.readingIds().equals(List.of("pixels-without-words")));
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void aReadingTheCourseDoesNotHaveIsReportedAndNothingIsWritten() {
        ImportPlan plan = Importer.plan(ImportKind.ANKI, List.of(fixture("anki/pipe.txt")), course,
                new ImportOptions(OptionalInt.empty(), Optional.of("no-such-reading")));

        assertThat(plan.writes()).isEmpty();
        assertThat(plan.report().skipped()).extracting(ImportReport.Entry::message).containsExactly("The course has no"
                + " reading \"no-such-reading\" (given with --reading), so this file's question set is not imported.");
    }

    @Test
    void aDeckMatchingNoReadingGetsAStubReading() {
        Path empty = dir.resolve("empty-course");

        ImportPlan plan = plan(ImportKind.ANKI, empty, fixture("anki/semicolon-columns.txt"));
        LoadedCourse loaded = applyAndLoad(plan);

        assertThat(loaded.course().readings()).extracting(Reading::id, Reading::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("grid-attention", ReadingKind.OTHER));
        assertThat(set(loaded, "grid-attention").readingIds()).containsExactly("grid-attention");
        assertThat(messages(plan)).anyMatch(m -> m.contains("a stub reading grid-attention is created"));
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void reimportingAnExportAddsNoQuestionTwice() {
        applyAndLoad(plan(ImportKind.ANKI, course, fixture("anki")));

        ImportPlan again = plan(ImportKind.ANKI, course, fixture("anki"));

        assertThat(again.writes()).isEmpty();
    }

    @Test
    void quotedFieldsKeepSeparatorsLineBreaksAndQuotes() {
        List<DelimitedText.Row> rows = DelimitedText.parse("a,\"b, c\"\n\"d\ne\",\"say \"\"hi\"\"\"\nf,\"open\n", ',', 1);

        assertThat(rows).extracting(DelimitedText.Row::line).containsExactly(1, 2, 4);
        assertThat(rows.get(0).fields()).containsExactly("a", "b, c");
        assertThat(rows.get(1).fields()).containsExactly("d\ne", "say \"hi\"");
        assertThat(rows.get(2).unclosedQuote()).isTrue();
    }
}
