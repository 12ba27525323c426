package dev.lectern.ui.shell;

import dev.lectern.course.Problem;
import dev.lectern.ui.Styles;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/** A row of the loader's problems: severity and message, the place in a tooltip. */
final class ProblemCell extends ListCell<Problem> {

    private final MainViewModel model;

    ProblemCell(MainViewModel model) {
        this.model = model;
    }

    @Override
    protected void updateItem(Problem p, boolean empty) {
        super.updateItem(p, empty);
        getStyleClass().removeAll(Styles.PROBLEM_ERROR, Styles.PROBLEM_WARNING);
        if (empty || p == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(p.severity().label() + ": " + p.message());
        setWrapText(true); // The whole message, over as many lines as it needs, never cut off.
        setPrefWidth(0);
        setTooltip(new Tooltip(model.describeLocation(p)));
        getStyleClass().add(p.isError() ? Styles.PROBLEM_ERROR : Styles.PROBLEM_WARNING);
    }
}
