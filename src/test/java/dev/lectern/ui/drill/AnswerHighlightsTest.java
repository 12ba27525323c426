package dev.lectern.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.KeyPoint;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Span;
import dev.lectern.grading.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evidence of covered key points, marked in the student's answer. */
class AnswerHighlightsTest {

    /** The answer with highlighted runs in brackets, from spans written "start-end start-end". */
    private static String marked(String answer, String spans) {
        List<Span> list = new ArrayList<>();
        for (String s : spans.isBlank() ? new String[0] : spans.split(" ")) {
            String[] ends = s.split("-");
            list.add(new Span(Integer.parseInt(ends[0]), Integer.parseInt(ends[1])));
        }
        return AnswerHighlights.split(answer, list).stream()
                .map(p -> p.highlighted() ? "[" + p.text() + "]" : p.text()).collect(Collectors.joining());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vision transformers scale | ''          | vision transformers scale",
        "vision transformers scale | 0-6         | [vision] transformers scale",
        "vision transformers scale | 7-19 0-6    | [vision] [transformers] scale",
        "vision transformers scale | 0-10 5-19   | [vision transformers] scale",
        "vision transformers scale | 0-6 6-19    | [vision transformers] scale",
        "vision transformers scale | 20-99       | vision transformers [scale]",
        "vision transformers scale | 40-50 3-3   | vision transformers scale"})
    void spansBecomeHighlightedRuns(String answer, String spans, String expected) {
        assertThat(marked(answer, spans)).isEqualTo(expected);
    }

    @Test
    void onlyCoveredKeyPointsAreHighlighted() {
        Grade grade = new Grade(50, Verdict.PARTIAL, List.of(
                new KeyPointResult(new KeyPoint("scale", List.of()), true, 0.9, List.of(new Span(0, 5))),
                new KeyPointResult(new KeyPoint("data", List.of()), false, 0.2, List.of(new Span(6, 10)))),
                "", List.of());

        assertThat(AnswerHighlights.of("scale data", grade)).containsExactly(
                new AnswerHighlights.Part("scale", true), new AnswerHighlights.Part(" data", false));
    }

    @Test
    void noGradeHighlightsNothing() {
        assertThat(AnswerHighlights.of("an answer", null)).containsExactly(new AnswerHighlights.Part("an answer", false));
    }
}
