package dev.lectern.ui.drill;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;

/**
 * Keys a drill takes wherever the focus is in the window (Space, 1-4): a key filter on the scene of a view, moved
 * when the view changes scene and removed when the drill is left.
 */
public final class SceneKeys {

    private final EventHandler<KeyEvent> keys;
    private Scene scene;

    private SceneKeys(EventHandler<KeyEvent> keys) {
        this.keys = keys;
    }

    /** Sends the key presses in {@code view}'s scene, whichever it is, to {@code keys} first. */
    public static SceneKeys on(Node view, EventHandler<KeyEvent> keys) {
        SceneKeys filter = new SceneKeys(keys);
        view.sceneProperty().addListener((obs, old, now) -> filter.listenOn(now));
        filter.listenOn(view.getScene());
        return filter;
    }

    /** The scene listened on; null when none. */
    public Scene scene() {
        return scene;
    }

    /** Stops listening. */
    public void remove() {
        listenOn(null);
    }

    private void listenOn(Scene next) {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
        scene = next;
        if (next != null) {
            next.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
    }
}
