package dev.lectern.study;

import dev.lectern.course.Course;
import dev.lectern.course.QuestionSet;
import dev.lectern.course.Reading;
import dev.lectern.scheduling.CardKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Picks the questions of a drill. Pure: randomness is passed in. */
public final class DrillPlans {

    private DrillPlans() {
    }

    /** Every question in the scope, in course order (set order, then question order), each once. */
    public static List<DrillItem> questions(Course course, DrillScope scope) {
        Map<String, QuestionSet> sets = new LinkedHashMap<>();
        if (scope instanceof DrillScope.OfSet s) {
            course.questionSet(s.setId()).ifPresent(set -> sets.put(set.id(), set));
        } else if (scope instanceof DrillScope.OfReading r) {
            course.reading(r.readingId())
                    .ifPresent(reading -> course.questionSetsFor(reading).forEach(set -> sets.putIfAbsent(set.id(), set)));
        } else if (scope instanceof DrillScope.OfWeek w) {
            for (Reading reading : course.readingsOfWeek(w.week())) {
                course.questionSetsFor(reading).forEach(set -> sets.putIfAbsent(set.id(), set));
            }
        } else {
            course.questionSets().forEach(set -> sets.putIfAbsent(set.id(), set));
        }
        List<DrillItem> items = new ArrayList<>();
        for (QuestionSet set : sets.values()) {
            set.questions().forEach(q -> items.add(new DrillItem(set, q)));
        }
        return List.copyOf(items);
    }

    /**
     * Each reading of the course, in course order, with the cards of its question sets (for the mastery figures). A
     * set shared by two readings counts for both.
     */
    public static List<StudyStatistics.ReadingCards> readingCards(Course course) {
        List<StudyStatistics.ReadingCards> readings = new ArrayList<>();
        for (Reading reading : course.readings()) {
            List<CardKey> cards = new ArrayList<>();
            for (QuestionSet set : course.questionSetsFor(reading)) {
                set.questions().forEach(q -> cards.add(new CardKey(set.id(), q.id())));
            }
            readings.add(new StudyStatistics.ReadingCards(reading.id(), reading.shortTitle(), List.copyOf(cards)));
        }
        return List.copyOf(readings);
    }

    /**
     * The cards among {@code withHistory} that the course no longer has (a question or set renamed or removed), as
     * {@code set/question}, sorted. Their history is kept and counts again if they return.
     */
    public static List<String> notInCourse(Course course, java.util.Collection<CardKey> withHistory) {
        java.util.Set<CardKey> inCourse = new java.util.HashSet<>();
        for (QuestionSet set : course.questionSets()) {
            set.questions().forEach(q -> inCourse.add(new CardKey(set.id(), q.id())));
        }
        return withHistory.stream().filter(c -> !inCourse.contains(c)).sorted().map(CardKey::text).toList();
    }

    /** {@code n} questions drawn at random without repetition (all of them, shuffled, when there are fewer). */
    public static List<DrillItem> sample(List<DrillItem> pool, int n, RandomGenerator random) {
        List<DrillItem> shuffled = new ArrayList<>(pool);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            DrillItem t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        return List.copyOf(shuffled.subList(0, Math.min(Math.max(n, 0), shuffled.size())));
    }
}
