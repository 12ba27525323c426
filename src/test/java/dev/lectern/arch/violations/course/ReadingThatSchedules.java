package dev.lectern.arch.violations.course;

/** A course record that reaches up into the study logic, on purpose. */
public record ReadingThatSchedules(dev.lectern.arch.violations.scheduling.ImpureScheduler scheduler) {
}
