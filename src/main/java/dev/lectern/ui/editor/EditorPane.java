package dev.lectern.ui.editor;

import dev.lectern.ui.reading.ReadingView;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;

/**
 * What every editor view shares: the editor's keys, its problems along the bottom, and a preview showing what the
 * editor renders; disposing of the view closes the editor. Subclasses lay out the top and the centre.
 */
public abstract class EditorPane<E extends Editor> extends BorderPane implements EditorView {

    /** The editor whose state the view shows. */
    protected final E model;
    /** The rendered preview, for the subclass to place. */
    protected final ReadingView preview;

    protected EditorPane(E model, Consumer<String> openLink, String problemsId) {
        this.model = model;
        this.preview = new ReadingView(openLink);
        EditorViews.handleKeys(this, model);
        setBottom(EditorViews.problems(model, problemsId));
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
    public void dispose() {
        model.close();
    }
}
