package dev.lectern.arch.violations.store;

/** Closes a store -> ui -> store cycle, on purpose. */
public class StoreUsingUi {
    public dev.lectern.arch.violations.ui.ViewUsingSql view;
}
