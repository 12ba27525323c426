package dev.lectern.arch.violations.ui;

/** A view that reaches into the course's internal package, on purpose. */
public class ViewUsingCourseInternals {
    public dev.lectern.arch.violations.course.internal.CourseInternal internal;
}
