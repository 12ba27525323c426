package dev.lectern.ui.shell;

import dev.lectern.search.SearchHit;
import dev.lectern.search.SnippetPart;
import dev.lectern.ui.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A row of the search results: a hit with its highlighted snippet, or the heading of a group of hits. */
final class SearchCell extends ListCell<Object> {

    @Override
    protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove(Styles.SEARCH_GROUP);
        setText(null);
        setGraphic(null);
        if (empty || item == null) {
            return;
        }
        if (item instanceof SearchHit hit) {
            Label title = new Label(hit.title());
            title.getStyleClass().add(Styles.SEARCH_TITLE);
            title.setWrapText(true);
            TextFlow snippet = new TextFlow();
            snippet.getStyleClass().add(Styles.SEARCH_SNIPPET);
            for (SnippetPart part : hit.snippet()) {
                Text text = new Text(part.text());
                text.getStyleClass().add(part.highlighted() ? Styles.SEARCH_MARK : Styles.SEARCH_SNIPPET);
                snippet.getChildren().add(text);
            }
            VBox box = new VBox(2, title, snippet);
            // Wrap to the list's width rather than run off to the side.
            if (getListView() != null) {
                box.prefWidthProperty().bind(getListView().widthProperty().subtract(32));
                box.maxWidthProperty().bind(box.prefWidthProperty());
            }
            setGraphic(box);
        } else {
            setText(item.toString());
            getStyleClass().add(Styles.SEARCH_GROUP);
        }
    }
}
