package dev.lectern.ui.shell;

import dev.lectern.course.Reading;
import dev.lectern.ui.Styles;
import dev.lectern.ui.library.LibrarySession;
import dev.lectern.ui.library.LibraryWeek;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;

/** A row of the library tree: a week, a session or a reading. */
final class LibraryCell extends TreeCell<Object> {

    @Override
    protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll(Styles.LIBRARY_WEEK, Styles.LIBRARY_SESSION);
        setTooltip(null);
        if (empty || item == null) {
            setText(null);
        } else if (item instanceof LibraryWeek week) {
            // Week and session labels are often wider than the library: the tooltip has them whole.
            setText(week.week().label().equals("Week " + week.week().number()) ? week.week().label()
                    : "Week " + week.week().number() + " · " + week.week().label());
            setTooltip(new Tooltip(getText()));
            getStyleClass().add(Styles.LIBRARY_WEEK);
        } else if (item instanceof LibrarySession session) {
            setText(session.label());
            setTooltip(new Tooltip(session.label()));
            getStyleClass().add(Styles.LIBRARY_SESSION);
        } else if (item instanceof Reading reading) {
            setText(reading.shortTitle());
            setTooltip(new Tooltip(reading.title()));
        } else {
            setText(item.toString());
        }
    }
}
