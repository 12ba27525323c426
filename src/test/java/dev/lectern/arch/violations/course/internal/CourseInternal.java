package dev.lectern.arch.violations.course.internal;

/** A member public only for the course's sub-packages. */
public final class CourseInternal {
    public static final String FILE = "course.yaml";
}
