package dev.lectern.course.load;

import dev.lectern.course.Course;
import dev.lectern.course.Problem;
import java.util.List;

/** What {@link CourseLoader#load} returns: the course as far as it could be read, and every problem found. */
public record LoadedCourse(Course course, List<Problem> problems) {

    public LoadedCourse {
        problems = List.copyOf(problems);
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }
}
