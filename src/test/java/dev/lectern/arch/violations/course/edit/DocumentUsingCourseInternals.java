package dev.lectern.arch.violations.course.edit;

/** A sub-package of the course using the course's internal package, as it may. */
public class DocumentUsingCourseInternals {
    public dev.lectern.arch.violations.course.internal.CourseInternal internal;
}
