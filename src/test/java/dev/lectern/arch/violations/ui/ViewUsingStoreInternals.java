package dev.lectern.arch.violations.ui;

/** A view that reaches past the store's facade into its sqlite sub-package, on purpose (the exams' entry is fine). */
public class ViewUsingStoreInternals {
    public dev.lectern.arch.violations.store.sqlite.StoreInternal internal;
    public dev.lectern.arch.violations.store.exams.ExamStore exams;
}
