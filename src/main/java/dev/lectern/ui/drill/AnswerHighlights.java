package dev.lectern.ui.drill;

import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Splits a student's answer into runs of plain and highlighted text, from the evidence of covered key points. */
public final class AnswerHighlights {

    /** A run of the answer, highlighted when it is evidence for a covered key point. */
    public record Part(String text, boolean highlighted) {
    }

    private AnswerHighlights() {
    }

    /** The evidence of every covered key point in the grade. */
    public static List<Part> of(String answer, Grade grade) {
        List<Span> spans = new ArrayList<>();
        if (grade != null) {
            for (KeyPointResult k : grade.keyPoints()) {
                if (k.covered()) {
                    spans.addAll(k.evidence());
                }
            }
        }
        return split(answer, spans);
    }

    /** Overlapping and touching spans merge; spans past the end of the answer are cut to it. */
    static List<Part> split(String answer, List<Span> spans) {
        String text = answer == null ? "" : answer;
        List<int[]> merged = new ArrayList<>();
        spans.stream()
                .map(s -> new int[] {Math.min(s.start(), text.length()), Math.min(s.end(), text.length())})
                .filter(r -> r[1] > r[0])
                .sorted(Comparator.comparingInt(r -> r[0]))
                .forEach(r -> {
                    int[] lastRange = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                    if (lastRange != null && r[0] <= lastRange[1]) {
                        lastRange[1] = Math.max(lastRange[1], r[1]);
                    } else {
                        merged.add(r);
                    }
                });
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (int[] r : merged) {
            if (r[0] > at) {
                parts.add(new Part(text.substring(at, r[0]), false));
            }
            parts.add(new Part(text.substring(r[0], r[1]), true));
            at = r[1];
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }
}
