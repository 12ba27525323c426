package dev.lectern.ui.editor;

import dev.lectern.ui.Styles;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** What the editor views share: fields bound to the editor, the undo keys, the toolbar and the problems list. */
public final class EditorViews {

    public static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    private EditorViews() {
    }

    /**
     * The editor's own undo, redo and save, caught before a text field's own undo takes the keys: the whole editing
     * session is one history.
     */
    public static void handleKeys(Node view, Editor editor) {
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                editor.save();
                e.consume();
            } else if (REDO.match(e) || REDO_Y.match(e)) {
                editor.redo();
                e.consume();
            } else if (UNDO.match(e)) {
                editor.undo();
                e.consume();
            }
        });
    }

    public static TextField field(String id, StringProperty text, Editor editor) {
        TextField field = new TextField();
        bind(field, id, text, editor);
        return field;
    }

    public static TextArea area(String id, StringProperty text, Editor editor, int rows, String prompt) {
        TextArea area = new TextArea();
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        area.setPromptText(prompt);
        bind(area, id, text, editor);
        return area;
    }

    private static void bind(TextInputControl control, String id, StringProperty text, Editor editor) {
        control.setId(id);
        control.textProperty().bindBidirectional(text);
        control.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused) {
                editor.endTyping();
            }
        });
    }

    public static Label label(String text, Node forNode) {
        Label label = new Label(text);
        label.setLabelFor(forNode);
        label.setMnemonicParsing(true);
        return label;
    }

    public static Button button(String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setMnemonicParsing(false);
        button.setFocusTraversable(false);
        if (tooltip != null) {
            button.setTooltip(new Tooltip(tooltip));
        }
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Save (not while a save is under way), Undo and Redo, bound to the editor. */
    public static HBox historyButtons(Editor editor) {
        Button save = button("Save", "Ctrl+S", editor::save);
        save.disableProperty().bind(editor.savingProperty());
        Button undo = button("Undo", "Ctrl+Z", editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        Button redo = button("Redo", "Ctrl+Shift+Z or Ctrl+Y", editor::redo);
        redo.disableProperty().bind(editor.canRedoProperty().not());
        return new HBox(save, undo, redo);
    }

    public static HBox toolbar(Node... nodes) {
        HBox bar = new HBox(nodes);
        bar.getStyleClass().add(Styles.EDITOR_TOOLBAR);
        return bar;
    }

    public static Region gap() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        return gap;
    }

    /**
     * A choice of one of {@code values} or none ({@code unset} says what none means), shown by {@code name} and bound
     * both ways to {@code value}.
     */
    public static <T> ComboBox<T> choice(T[] values, Function<T, String> name, String unset, ObjectProperty<T> value) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? unset : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /**
     * Keeps the row selected in {@code list} and the editor's {@code selected} index the same: picking a row calls
     * {@code select}; a new index (or a change of the items) selects that row and scrolls to it, or clears the
     * selection for -1. Call once the list has its items.
     */
    public static <T> void bindSelection(ListView<T> list, ReadOnlyIntegerProperty selected, IntConsumer select) {
        new SelectionSync<>(list, selected, select).sync();
    }

    private static final class SelectionSync<T> {
        private final ListView<T> list;
        private final ReadOnlyIntegerProperty selected;
        /** True while the list is being made to follow the editor, so that is not taken for the user's pick. */
        private boolean syncing;

        SelectionSync(ListView<T> list, ReadOnlyIntegerProperty selected, IntConsumer select) {
            this.list = list;
            this.selected = selected;
            list.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
                if (!syncing && index.intValue() >= 0) {
                    select.accept(index.intValue());
                }
            });
            selected.addListener((obs, old, index) -> sync());
            list.getItems().addListener((ListChangeListener<T>) c -> sync());
        }

        void sync() {
            int index = selected.get();
            if (list.getSelectionModel().getSelectedIndex() == index) {
                return;
            }
            syncing = true;
            try {
                if (index < 0) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(index);
                    list.scrollTo(index);
                }
            } finally {
                syncing = false;
            }
        }
    }

    /** The loader's problems with the document, and the editor's status line. */
    public static VBox problems(Editor editor, String id) {
        ListView<String> list = new ListView<>(editor.problems());
        list.setId(id);
        list.getStyleClass().add(Styles.EDITOR_PROBLEMS);
        list.setPlaceholder(new Label("No problems."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.PROBLEM_ERROR, Styles.PROBLEM_WARNING);
                setText(empty ? null : item);
                setWrapText(true); // A problem is a sentence or two: the whole of it shows, over as many lines.
                setPrefWidth(0);
                if (!empty && item != null) {
                    getStyleClass().add(item.contains(": error: ") ? Styles.PROBLEM_ERROR : Styles.PROBLEM_WARNING);
                }
            }
        });
        list.setPrefHeight(90);
        Label title = new Label("Problems");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Label status = new Label();
        status.textProperty().bind(editor.statusProperty());
        status.getStyleClass().add(Styles.DETAIL);
        return new VBox(2, title, list, status);
    }
}
