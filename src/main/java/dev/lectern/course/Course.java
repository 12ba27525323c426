package dev.lectern.course;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A loaded course: its folder, course-level facts, the readings and the question sets. */
public record Course(Path root, CourseInfo info, List<Reading> readings, List<QuestionSet> questionSets) {

    public Course {
        readings = List.copyOf(readings);
        questionSets = List.copyOf(questionSets);
    }

    public Optional<Reading> reading(String id) {
        return readings.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<QuestionSet> questionSet(String id) {
        return questionSets.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The sets that drill this reading: those naming it in {@code readings}, and those it names itself. */
    public List<QuestionSet> questionSetsFor(Reading reading) {
        Map<String, QuestionSet> byId = questionSets.stream()
                .collect(Collectors.toMap(QuestionSet::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, QuestionSet> found = new LinkedHashMap<>();
        for (String id : reading.questionSetIds()) {
            if (byId.containsKey(id)) {
                found.put(id, byId.get(id));
            }
        }
        for (QuestionSet set : questionSets) {
            if (set.readingIds().contains(reading.id())) {
                found.putIfAbsent(set.id(), set);
            }
        }
        return List.copyOf(found.values());
    }

    /** Readings of a week, by session number and then in course order. */
    public List<Reading> readingsOfWeek(int week) {
        return readings.stream()
                .filter(r -> r.week() == week)
                .sorted(Comparator.comparingInt((Reading r) -> r.session().map(Session::number).orElse(0)))
                .toList();
    }

    public int questionCount() {
        return questionSets.stream().mapToInt(s -> s.questions().size()).sum();
    }
}
