package dev.lectern.ui;

import java.util.Collection;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list a view model fills, and the read-only view of it that views observe. The view is made once: it holds its
 * source's listener weakly, so a fresh one per call would lose the listeners views add to it (and a chart would
 * stay empty).
 */
public final class ReadOnlyList<T> {

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<T> view = FXCollections.unmodifiableObservableList(items);

    /** What views observe; it cannot be changed through this. */
    public ObservableList<T> view() {
        return view;
    }

    public void setAll(Collection<? extends T> all) {
        items.setAll(all);
    }

    public void clear() {
        items.clear();
    }
}
