package dev.lectern.ui.editor;

import javafx.scene.Node;

/** An editor's view, shown in place of the reading; {@link #dispose()} is called when the editor is left. */
public interface EditorView {

    /** The view itself, to put on screen. */
    Node node();

    /** Puts the keyboard focus on the first field. */
    void focusFirst();

    /** Lets go of what the view holds (its preview). */
    void dispose();
}
