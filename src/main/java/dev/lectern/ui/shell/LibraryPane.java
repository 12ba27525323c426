package dev.lectern.ui.shell;

import dev.lectern.course.Reading;
import dev.lectern.search.SearchHit;
import dev.lectern.search.SearchResults;
import dev.lectern.ui.library.LibrarySession;
import dev.lectern.ui.library.LibraryWeek;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The left of the window: the search field, the tag filter, and the library tree (weeks, sessions, readings), which
 * the search results replace while there is a query.
 */
final class LibraryPane extends VBox {

    static final double MIN_WIDTH = 160;
    private static final String ALL_TAGS = "All tags";

    private final MainViewModel model;
    private final TextField searchField = new TextField();
    private final ComboBox<String> tagFilter = new ComboBox<>();
    private final TreeView<Object> library = new TreeView<>();
    private final ListView<Object> results = new ListView<>();
    /** True while the tree's selection follows the model's, so that it is not taken for the user's choice. */
    private boolean syncingSelection;

    LibraryPane(MainViewModel model) {
        super(6);
        this.model = model;
        buildSearchField();
        buildTagFilter();
        buildLibrary();
        buildResults();
        StackPane lists = new StackPane(library, results);
        VBox.setVgrow(lists, Priority.ALWAYS);
        getChildren().setAll(searchField, tagFilter, lists);
        getStyleClass().add("library-pane");
        setMinWidth(MIN_WIDTH);
    }

    TextField searchField() {
        return searchField;
    }

    void focusLibrary() {
        library.requestFocus();
    }

    void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    private void buildSearchField() {
        searchField.setId(MainView.ID_SEARCH);
        searchField.setPromptText("Search (Ctrl+K)");
        searchField.textProperty().bindBidirectional(model.queryProperty());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openFirstResult();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && results.isVisible()) {
                results.requestFocus();
                selectFirstHit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                clearSearch();
                e.consume();
            }
        });
    }

    private void buildTagFilter() {
        tagFilter.setId(MainView.ID_TAG_FILTER);
        tagFilter.setMaxWidth(Double.MAX_VALUE);
        tagFilter.setTooltip(new Tooltip("Show only readings with this tag"));
        Runnable refreshTags = () -> {
            String current = model.tagFilterProperty().get();
            tagFilter.getItems().setAll(ALL_TAGS);
            tagFilter.getItems().addAll(model.tags());
            tagFilter.getSelectionModel().select(current == null ? ALL_TAGS : current);
        };
        model.tags().addListener((ListChangeListener<String>) c -> refreshTags.run());
        refreshTags.run();
        tagFilter.setOnAction(e -> {
            String chosen = tagFilter.getSelectionModel().getSelectedItem();
            model.tagFilterProperty().set(chosen == null || ALL_TAGS.equals(chosen) ? null : chosen);
        });
    }

    private void buildLibrary() {
        library.setId(MainView.ID_LIBRARY);
        library.setShowRoot(false);
        library.setCellFactory(tree -> new LibraryCell());
        model.library().addListener((ListChangeListener<LibraryWeek>) c -> rebuildLibrary());
        if (!model.library().isEmpty()) {
            rebuildLibrary();
        }
        library.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncingSelection && item != null && item.getValue() instanceof Reading reading) {
                model.selectReading(reading.id());
            }
        });
        // Choosing the reading already selected (opened from a search hit) opens it plainly: the marks go.
        library.setOnMouseClicked(e -> {
            TreeItem<Object> item = library.getSelectionModel().getSelectedItem();
            if (model.readingFocusProperty().get() != null && item != null && item.getValue() instanceof Reading r) {
                model.selectReading(r.id());
            }
        });
    }

    private void buildResults() {
        results.setId(MainView.ID_RESULTS);
        results.setCellFactory(list -> new SearchCell());
        results.setPlaceholder(new Label("No matches"));
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openHit(results.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                clearSearch();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1) {
                openHit(results.getSelectionModel().getSelectedItem());
            }
        });
        results.visibleProperty().bind(model.queryProperty().isNotEmpty());
        library.visibleProperty().bind(results.visibleProperty().not());
        model.searchResultsProperty().addListener((obs, old, now) -> showResults(now));
        showResults(model.searchResultsProperty().get());
    }

    private void clearSearch() {
        searchField.clear();
        library.requestFocus();
    }

    private void rebuildLibrary() {
        TreeItem<Object> root = new TreeItem<>("library");
        for (LibraryWeek week : model.library()) {
            TreeItem<Object> weekItem = new TreeItem<>(week);
            weekItem.setExpanded(true);
            for (LibrarySession session : week.sessions()) {
                TreeItem<Object> parent = weekItem;
                if (!session.label().isBlank()) {
                    parent = new TreeItem<>(session);
                    parent.setExpanded(true);
                    weekItem.getChildren().add(parent);
                }
                for (Reading reading : session.readings()) {
                    parent.getChildren().add(new TreeItem<>(reading));
                }
            }
            root.getChildren().add(weekItem);
        }
        syncingSelection = true;
        try {
            library.setRoot(root);
        } finally {
            syncingSelection = false;
        }
        selectInTree(model.selectedReadingProperty().get());
    }

    /** Selects the reading's row (and scrolls to it) without taking that for the user's choice. */
    void selectInTree(Reading reading) {
        if (reading == null || library.getRoot() == null) {
            return;
        }
        for (int row = 0; row < library.getExpandedItemCount(); row++) {
            TreeItem<Object> item = library.getTreeItem(row);
            if (item != null && item.getValue() instanceof Reading r && r.id().equals(reading.id())) {
                if (library.getSelectionModel().getSelectedItem() != item) {
                    syncingSelection = true;
                    try {
                        library.getSelectionModel().select(item);
                        library.scrollTo(row);
                    } finally {
                        syncingSelection = false;
                    }
                }
                return;
            }
        }
    }

    private void showResults(SearchResults found) {
        results.getItems().clear();
        if (found == null) {
            return;
        }
        if (!found.readings().isEmpty()) {
            results.getItems().add("Readings (" + found.readings().size() + ")");
            results.getItems().addAll(found.readings());
        }
        if (!found.questions().isEmpty()) {
            results.getItems().add("Questions (" + found.questions().size() + ")");
            results.getItems().addAll(found.questions());
        }
    }

    private void selectFirstHit() {
        for (int i = 0; i < results.getItems().size(); i++) {
            if (results.getItems().get(i) instanceof SearchHit) {
                results.getSelectionModel().select(i);
                results.getFocusModel().focus(i);
                return;
            }
        }
    }

    private void openFirstResult() {
        Object selected = results.getSelectionModel().getSelectedItem();
        if (selected instanceof SearchHit) {
            openHit(selected);
            return;
        }
        results.getItems().stream().filter(SearchHit.class::isInstance).findFirst().ifPresent(this::openHit);
    }

    private void openHit(Object item) {
        if (item instanceof SearchHit hit) {
            model.open(hit).ifPresent(r -> clearSearch());
        }
    }
}
