package dev.lectern.search;

import dev.lectern.course.Course;
import dev.lectern.course.CourseInfo;
import dev.lectern.course.Difficulty;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.course.ReadingKind;
import dev.lectern.course.Section;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.course.SourceRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Courses built from records in code, so each test states exactly the text it searches. */
final class TestCourses {

    private static final SourceRef SOURCE = new SourceRef(Path.of("test"), 1);

    private TestCourses() {
    }

    static Course course(List<Reading> readings, List<QuestionSet> sets) {
        return new Course(Path.of("test-course"), new CourseInfo("test", "Test", Optional.empty(), List.of()), readings, sets);
    }

    static Reading reading(String id, String title, String abstractText) {
        return reading(id, title, title, List.of(), abstractText, List.of(), "", List.of());
    }

    static Reading reading(String id, String title, String shortTitle, List<String> authors, String abstractText,
            List<SlideExcerpt> slides, String notes, List<Section> sections) {
        return new Reading(id, title, shortTitle, ReadingKind.PAPER, authors, OptionalInt.empty(), Optional.empty(),
                List.of(), 7, Optional.empty(), List.of(), List.of(), abstractText, slides, notes, sections, SOURCE);
    }

    static SlideExcerpt slide(String title, String text) {
        return new SlideExcerpt(title, text, Optional.empty(), OptionalInt.empty());
    }

    static QuestionSet set(String id, List<String> readingIds, Question... questions) {
        return new QuestionSet(id, id + " questions", readingIds, List.of(questions), SOURCE);
    }

    static Question question(String id, String prompt, String referenceAnswer, String... alternatives) {
        return new Question(id, prompt, referenceAnswer, List.of(alternatives), List.of(), List.of(), Difficulty.MEDIUM,
                SOURCE);
    }

    /** The snippet as text, highlighted parts in brackets: "a [video] model". */
    static String marked(SearchHit hit) {
        StringBuilder b = new StringBuilder();
        for (SnippetPart part : hit.snippet()) {
            b.append(part.highlighted() ? "[" + part.text() + "]" : part.text());
        }
        return b.toString();
    }

    static List<String> highlighted(SearchHit hit) {
        return hit.snippet().stream().filter(SnippetPart::highlighted).map(SnippetPart::text).toList();
    }
}
