package dev.lectern.ui.library;

import dev.lectern.course.Course;
import dev.lectern.course.Reading;
import dev.lectern.course.Session;
import dev.lectern.course.Week;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One week of the library tree, with its sessions. */
public record LibraryWeek(Week week, List<LibrarySession> sessions) {

    /**
     * The library of a course: its weeks in order, each with the sessions of its readings (readings without a session
     * under a session without a label), leaving out readings without {@code tag} (null keeps every reading) and the
     * weeks left empty.
     */
    public static List<LibraryWeek> weeksOf(Course course, String tag) {
        List<LibraryWeek> weeks = new ArrayList<>();
        for (Week week : course.info().weeks()) {
            Map<Integer, List<Reading>> bySession = new LinkedHashMap<>();
            Map<Integer, String> labels = new LinkedHashMap<>();
            for (Reading r : course.readingsOfWeek(week.number())) {
                if (tag != null && r.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
                    continue;
                }
                int number = r.session().map(Session::number).orElse(0);
                bySession.computeIfAbsent(number, k -> new ArrayList<>()).add(r);
                String label = r.session().map(Session::label).filter(l -> !l.isBlank()).orElse("");
                labels.merge(number, label, (a, b) -> a.isBlank() ? b : a);
            }
            if (bySession.isEmpty()) {
                continue;
            }
            List<LibrarySession> sessions = new ArrayList<>();
            bySession.forEach((number, readings) -> {
                String label = labels.get(number);
                if (label.isBlank()) {
                    label = number == 0 ? "" : "Session " + number;
                }
                sessions.add(new LibrarySession(number, label, List.copyOf(readings)));
            });
            weeks.add(new LibraryWeek(week, List.copyOf(sessions)));
        }
        return weeks;
    }
}
