package dev.lectern.course.load;

import dev.lectern.course.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading one file. Not shared between threads. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    void error(Path file, int line, int column, String message) {
        list.add(Problem.error(file, line, column, message));
    }

    void warning(Path file, int line, int column, String message) {
        list.add(Problem.warning(file, line, column, message));
    }


    public List<Problem> list() {
        return list;
    }

    int errorCount() {
        return (int) list.stream().filter(Problem::isError).count();
    }
}
