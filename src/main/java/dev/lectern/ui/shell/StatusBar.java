package dev.lectern.ui.shell;

import dev.lectern.ui.Styles;
import dev.lectern.ui.drill.DrillViewModel;
import dev.lectern.ui.transfer.DeckImport;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The status line: what the course did last, a PDF import under way (with Cancel), what is due, and a busy bar. */
final class StatusBar extends HBox {

    StatusBar(MainViewModel model, DrillViewModel drill, dev.lectern.ui.transfer.FolderSync sync) {
        super(8);
        Label status = new Label();
        status.setId(MainView.ID_STATUS);
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        busy.setPrefWidth(120);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(model.busyProperty());
        Label due = new Label();
        due.setId(MainView.ID_DUE);
        due.textProperty().bind(drill.dueSummaryProperty());
        due.setTooltip(new Tooltip("Questions due for review in this course (Drill > Review Due, Ctrl+R)"));
        getChildren().setAll(status, deckImport(model.deckImport()), due, busy);
        if (sync != null) {
            Label synced = new Label();
            synced.setId(MainView.ID_SYNC);
            synced.textProperty().bind(sync.statusProperty());
            synced.setTooltip(new Tooltip("Your progress is synced through the folder of File > Sync Folder…, at start,"
                    + " after each drill and at close"));
            getChildren().add(getChildren().size() - 2, synced);
        }
        getStyleClass().add(Styles.STATUS_BAR);
    }

    private static HBox deckImport(DeckImport deck) {
        Label deckStatus = new Label();
        deckStatus.textProperty().bind(deck.statusProperty());
        ProgressBar deckProgress = new ProgressBar();
        deckProgress.setId(MainView.ID_DECK_PROGRESS);
        deckProgress.setPrefWidth(160);
        deckProgress.progressProperty().bind(deck.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> deck.cancel());
        HBox box = new HBox(6, deckStatus, deckProgress, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(deck.runningProperty());
        box.managedProperty().bind(deck.runningProperty());
        return box;
    }
}
