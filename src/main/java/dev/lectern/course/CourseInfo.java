package dev.lectern.course;

import java.util.List;
import java.util.Optional;

/**
 * Course-level facts: the course's id (from {@code course.yaml}, else derived from its title or folder name, the same
 * every time), title, term and the weeks in order. The id says whose progress is whose.
 */
public record CourseInfo(String id, String title, Optional<String> term, List<Week> weeks) {
    public CourseInfo {
        weeks = List.copyOf(weeks);
    }
}
