package dev.lectern.ui.editor.reading;

import dev.lectern.course.ReadingKind;
import dev.lectern.course.SlideExcerpt;
import dev.lectern.ui.Styles;
import dev.lectern.ui.editor.EditorPane;
import dev.lectern.ui.editor.EditorViews;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel.Field;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel.SlideField;
import java.util.function.Consumer;
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
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The reading editor's layout and bindings; the state is {@link ReadingEditorViewModel}'s. */
public final class ReadingEditorView extends EditorPane<ReadingEditorViewModel> {

    static final String ID_TITLE = "readingEditorTitle";
    static final String ID_SLIDES = "readingEditorSlides";
    static final String ID_ABSTRACT = "readingEditorAbstract";
    static final String ID_NOTES = "readingEditorNotes";

    private final ListView<SlideExcerpt> slides = new ListView<>();

    public ReadingEditorView(ReadingEditorViewModel model, Consumer<String> openLink) {
        super(model, openLink, "readingEditorProblems");
        setTop(EditorViews.toolbar(EditorViews.historyButtons(model), EditorViews.gap(),
                EditorViews.button("Add Image…", "Copies a picture into the course and shows it on the slide excerpt",
                        model::addImage)));

        ScrollPane form = new ScrollPane(new VBox(8, frontMatter(), bodyPane()));
        form.setFitToWidth(true);
        preview.setMinWidth(200);
        SplitPane split = new SplitPane(form, preview);
        split.setDividerPositions(0.62);
        setCenter(split);
    }

    @Override
    public void focusFirst() {
        lookup("#" + ID_TITLE).requestFocus();
    }

    private Node frontMatter() {
        GridPane grid = grid();
        int row = 0;
        for (Field f : new Field[] {Field.TITLE, Field.SHORT_TITLE}) {
            TextField field = EditorViews.field(f == Field.TITLE ? ID_TITLE : "readingEditor" + f.name(),
                    model.field(f), model);
            grid.addRow(row++, new Label(f.label), field);
        }
        ComboBox<ReadingKind> kind = EditorViews.choice(ReadingKind.values(), ReadingKind::key, "(not set: paper)",
                model.kindProperty());
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
        EditorViews.bindSelection(slides, model.selectedSlideProperty(), model::selectSlide);
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
