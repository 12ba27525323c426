package dev.lectern.course;

import java.util.List;
import java.util.Optional;

/** Course-level facts: title, term and the weeks in order. */
public record CourseInfo(String title, Optional<String> term, List<Week> weeks) {
    public CourseInfo {
        weeks = List.copyOf(weeks);
    }
}
