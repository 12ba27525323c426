package dev.lectern.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Difficulty;
import dev.lectern.course.Question;
import dev.lectern.course.QuestionSet;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Verdict;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference answers and exam results become safe, themed pages. */
class AnswerRendererTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path root;

    private static DrillItem item(String id, String prompt, String reference) {
        Question q = new Question(id, prompt, reference, List.of(), List.of(), List.of(), Difficulty.MEDIUM, null);
        return new DrillItem(new QuestionSet("set", "Set", List.of(), List.of(q), null), q);
    }

    @Test
    void theReferenceAnswerIsRenderedMarkdownInTheTheme() {
        String html = new AnswerRenderer(root).referenceAnswer(
                item("q", "Why?", "Because **scale** matters.<script>alert(1)</script>"), Theme.DARK);

        Document doc = Jsoup.parse(html);
        assertThat(doc.body().hasClass(Theme.DARK.cssClass())).isTrue();
        assertThat(doc.getElementById("reference").select("strong").text()).isEqualTo("scale");
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]")).hasSize(1);
    }

    @Test
    void theResultsPageShowsTheTotalAndEachAnswerWithItsScoreAndReference() {
        Exam exam = Exam.start("e", "Week 7", List.of(item("a", "First?", "The *first* answer."),
                item("b", "Second?", "The second answer.")), Optional.of(Duration.ofMinutes(5)), T0)
                .withAnswer(0, "<b>my</b> answer")
                .finished(List.of(new Grade(75, Verdict.CORRECT, List.of(), "Good enough.", List.of()),
                        new Grade(0, Verdict.INCORRECT, List.of(), "No answer given.", List.of())),
                        T0.plusSeconds(65));

        Document doc = Jsoup.parse(new AnswerRenderer(root).examResults(exam, Theme.LIGHT));

        assertThat(doc.getElementById("total").text())
                .isEqualTo("75 of 200 points (38%) · 1 correct · 0 partial · 1 incorrect");
        assertThat(doc.getElementById("q1").select(".given-answer").text()).isEqualTo("<b>my</b> answer");
        assertThat(doc.getElementById("q1").select(".verdict").text()).isEqualTo("Correct");
        assertThat(doc.getElementById("q1").select(".exam-mark").text()).contains("75 / 100");
        assertThat(doc.getElementById("q1").select(".reference em").text()).isEqualTo("first");
        assertThat(doc.getElementById("q2").hasClass("verdict-incorrect")).isTrue();
        assertThat(doc.getElementById("q2").select(".no-answer").text()).isEqualTo("No answer given.");
        assertThat(doc.select(".meta").text()).contains("time used 1:05 of 5:00");
    }

    @ParameterizedTest
    @CsvSource({"0, 0:00", "5, 0:05", "65, 1:05", "3600, 1:00:00", "3723, 1:02:03"})
    void durationsShowAsAClock(long seconds, String shown) {
        assertThat(AnswerRenderer.clock(Duration.ofSeconds(seconds))).isEqualTo(shown);
    }
}
