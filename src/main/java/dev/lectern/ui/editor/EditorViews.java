package dev.lectern.ui.editor;

import dev.lectern.ui.Styles;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
