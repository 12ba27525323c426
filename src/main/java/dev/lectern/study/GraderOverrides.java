package dev.lectern.study;

import dev.lectern.scheduling.ReviewRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often the student overrode the grader, per question set: of the typed answers graded in practice and exams
 * (where the student may mark a grade correct, partial or incorrect), how many they marked otherwise. A high share on
 * one set tells its instructor the reference answers or key points of that set need work.
 */
public final class GraderOverrides {

    /** @param graded answers graded where the student could override; {@code overridden} of them were */
    public record SetRate(String setId, int graded, int overridden) {

        /** The overridden share, 0..1. */
        public double share() {
            return graded == 0 ? 0 : (double) overridden / graded;
        }
    }

    private GraderOverrides() {
    }

    /** Per question set with at least one such graded answer, by set id. */
    public static List<SetRate> perSet(List<ReviewRecord> log) {
        Map<String, int[]> counts = new TreeMap<>();
        for (ReviewRecord r : log) {
            if (r.graded().isEmpty()) {
                continue;
            }
            int[] c = counts.computeIfAbsent(r.card().setId(), id -> new int[2]);
            c[0]++;
            if (r.overridden()) {
                c[1]++;
            }
        }
        List<SetRate> rates = new ArrayList<>(counts.size());
        counts.forEach((set, c) -> rates.add(new SetRate(set, c[0], c[1])));
        return rates;
    }
}
