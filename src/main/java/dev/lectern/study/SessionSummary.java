package dev.lectern.study;

import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The end of a session, beyond the counts each drill gives: the key points missed most often in its grades (what to
 * read again), and when the questions it covered come back. Pure: the caller passes the grades, states and time.
 */
public final class SessionSummary {

    /** How many of the weakest key points are named. */
    public static final int WEAKEST = 3;

    /** A key point the session's answers missed, and how often. */
    public record Weak(String keyPoint, int missed, int graded) {
    }

    private SessionSummary() {
    }

    /**
     * The key points missed most often in {@code grades} (missed or contradicted), most missed first, at most
     * {@value #WEAKEST}; a point covered every time is not weak.
     */
    public static List<Weak> weakest(List<Grade> grades) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Grade g : grades) {
            for (KeyPointResult k : g.keyPoints()) {
                int[] c = counts.computeIfAbsent(k.keyPoint().text(), t -> new int[2]);
                c[1]++;
                if (!k.covered() || k.contradicted()) {
                    c[0]++;
                }
            }
        }
        List<Weak> weak = new ArrayList<>();
        counts.forEach((text, c) -> {
            if (c[0] > 0) {
                weak.add(new Weak(text, c[0], c[1]));
            }
        });
        weak.sort((a, b) -> a.missed() != b.missed() ? Integer.compare(b.missed(), a.missed())
                : Double.compare((double) b.missed() / b.graded(), (double) a.missed() / a.graded()));
        return List.copyOf(weak.subList(0, Math.min(WEAKEST, weak.size())));
    }

    /** " Weakest key points: “a” (missed 2 of 3), “b” (missed 1 of 1)." or "" when none was missed. */
    public static String weakestLine(List<Grade> grades) {
        List<Weak> weak = weakest(grades);
        if (weak.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" Weakest key points: ");
        for (int i = 0; i < weak.size(); i++) {
            Weak w = weak.get(i);
            out.append(i == 0 ? "" : ", ").append('\u201C').append(w.keyPoint()).append("\u201D (missed ")
                    .append(w.missed()).append(" of ").append(w.graded()).append(')');
        }
        return out.append('.').toString();
    }

    /**
     * When the first of {@code cards} comes back, by {@code states} at {@code now}: " The first of them comes back in
     * 10m." (in words {@code interval} makes), or "" when none is scheduled.
     */
    public static String comingBack(Collection<CardKey> cards, Map<CardKey, CardState> states, Instant now,
            Function<Duration, String> interval) {
        Optional<Instant> first = cards.stream().map(states::get).filter(s -> s != null && s.due().isPresent())
                .map(s -> s.due().get()).min(Instant::compareTo);
        return first.map(d -> " The first of them comes back in " + interval.apply(Duration.between(now, d)) + ".")
                .orElse("");
    }
}
