package dev.lectern.arch.violations.ui;

/** A view model that builds a control itself, on purpose. */
public class ReadingViewModel {
    public javafx.scene.control.Label title() {
        return null;
    }
}
