package dev.lectern.ui.editor.reading;

import dev.lectern.course.ReadingKind;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.ui.Styles;
import dev.lectern.ui.editor.EditorView;
import dev.lectern.ui.editor.EditorViews;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel.Field;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel.SlideField;
import dev.lectern.ui.reading.ReadingView;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The reading editor's layout and bindings; the state is {@link ReadingEditorViewModel}'s. */
public final class ReadingEditorView extends BorderPane implements EditorView {

    static final String ID_TITLE = "readingEditorTitle";
    static final String ID_SLIDES = "readingEditorSlides";
    static final String ID_ABSTRACT = "readingEditorAbstract";
    static final String ID_NOTES = "readingEditorNotes";

    private final ReadingEditorViewModel model;
    private final ListView<SlideExcerpt> slides = new ListView<>();
    private final ReadingView preview;
    private boolean syncing;

    public ReadingEditorView(ReadingEditorViewModel model, Consumer<String> openLink) {
        this.model = model;
        this.preview = new ReadingView(openLink);
        EditorViews.handleKeys(this, model);
        setTop(EditorViews.toolbar(EditorViews.historyButtons(model), EditorViews.gap(),
                EditorViews.button("Add Image…", "Copies a picture into the course and shows it on the slide excerpt",
                        model::addImage)));

        ScrollPane form = new ScrollPane(new VBox(8, frontMatter(), bodyPane()));
        form.setFitToWidth(true);
        preview.setMinWidth(200);
        SplitPane split = new SplitPane(form, preview);
        split.setDividerPositions(0.62);
        setCenter(split);
        setBottom(EditorViews.problems(model, "readingEditorProblems"));
        model.previewHtmlProperty().addListener((obs, old, html) -> preview.show(html));
        if (!model.previewHtmlProperty().get().isEmpty()) {
            preview.show(model.previewHtmlProperty().get());
        }
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void focusFirst() {
        lookup("#" + ID_TITLE).requestFocus();
    }

    @Override
    public void dispose() {
        model.close();
    }

    private Node frontMatter() {
        GridPane grid = grid();
        int row = 0;
        for (Field f : new Field[] {Field.TITLE, Field.SHORT_TITLE}) {
            TextField field = EditorViews.field(f == Field.TITLE ? ID_TITLE : "readingEditor" + f.name(),
                    model.field(f), model);
            grid.addRow(row++, new Label(f.label), field);
        }
        ComboBox<ReadingKind> kind = new ComboBox<>();
        kind.getItems().add(null);
        kind.getItems().addAll(ReadingKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReadingKind k) {
                return k == null ? "(not set: paper)" : k.key();
            }

            @Override
            public ReadingKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        grid.addRow(row++, new Label("Kind"), kind);
        grid.addRow(row++, new Label(Field.AUTHORS.label), EditorViews.area("readingEditorAuthors",
                model.field(Field.AUTHORS), model, 2, "One author per line"));
        for (Field f : new Field[] {Field.YEAR, Field.VENUE, Field.WEEK, Field.SESSION, Field.SESSION_LABEL, Field.TAGS,
                Field.QUESTION_SETS, Field.ARXIV, Field.PDF, Field.CODE, Field.PROJECT}) {
            TextField field = EditorViews.field("readingEditor" + f.name(), model.field(f), model);
            if (f == Field.TAGS || f == Field.QUESTION_SETS) {
                field.setPromptText("Separated by commas");
            }
            grid.addRow(row++, new Label(f.label), field);
        }
        return grid;
    }

    private Node bodyPane() {
        GridPane grid = grid();
        int row = 0;
        grid.addRow(row++, new Label("Abstract"), EditorViews.area(ID_ABSTRACT, model.field(Field.ABSTRACT), model, 5,
                "Markdown"));
        grid.addRow(row++, new Label("Slide excerpts"), slidesPane());
        grid.addRow(row++, new Label("Notes"), EditorViews.area(ID_NOTES, model.field(Field.NOTES), model, 4,
                "Markdown"));
        return grid;
    }

    private Node slidesPane() {
        slides.setId(ID_SLIDES);
        slides.setItems(model.slides());
        slides.setPrefHeight(110);
        slides.setPlaceholder(new Label("No slide excerpts."));
        slides.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SlideExcerpt s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : ReadingEditorViewModel.label(s));
            }
        });
        slides.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (!syncing && index.intValue() >= 0) {
                model.selectSlide(index.intValue());
            }
        });
        model.selectedSlideProperty().addListener((obs, old, index) -> syncSelection());
        model.slides().addListener((ListChangeListener<SlideExcerpt>) c -> syncSelection());
        syncSelection();
        slides.setOnKeyPressed(e -> {
            int i = model.selectedSlideProperty().get();
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                model.moveSlide(i, i - 1);
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                model.moveSlide(i, i + 1);
                e.consume();
            }
        });
        GridPane slide = grid();
        slide.addRow(0, new Label("Title"), EditorViews.field("slideTitle", model.slideField(SlideField.TITLE), model));
        slide.addRow(1, new Label("Page"), EditorViews.field("slidePage", model.slideField(SlideField.PAGE), model));
        slide.addRow(2, new Label("Image"), EditorViews.field("slideImage", model.slideField(SlideField.IMAGE), model));
        slide.addRow(3, new Label("Text"), EditorViews.area("slideText", model.slideField(SlideField.TEXT), model, 4,
                "Markdown"));
        slide.disableProperty().bind(model.selectedSlideProperty().lessThan(0));
        Button add = EditorViews.button("Add", null, model::addSlide);
        Button remove = EditorViews.button("Delete", null, model::removeSlide);
        Button up = EditorViews.button("↑", "Alt+Up", () -> model.moveSlide(model.selectedSlideProperty().get(),
                model.selectedSlideProperty().get() - 1));
        Button down = EditorViews.button("↓", "Alt+Down", () -> model.moveSlide(model.selectedSlideProperty().get(),
                model.selectedSlideProperty().get() + 1));
        return new VBox(4, slides, EditorViews.toolbar(add, remove, up, down), slide);
    }

    private void syncSelection() {
        int index = model.selectedSlideProperty().get();
        if (slides.getSelectionModel().getSelectedIndex() == index) {
            return;
        }
        syncing = true;
        try {
            if (index < 0) {
                slides.getSelectionModel().clearSelection();
            } else {
                slides.getSelectionModel().select(index);
            }
        } finally {
            syncing = false;
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.EDITOR_FORM);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        return grid;
    }
}
