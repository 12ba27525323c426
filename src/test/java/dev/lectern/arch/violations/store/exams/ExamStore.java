package dev.lectern.arch.violations.store.exams;

/** The exams' public entry, which everyone may use. */
public class ExamStore {
}
