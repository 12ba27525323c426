package dev.lectern.ui.drill;

import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.study.DrillItem;
import dev.lectern.ui.Messages;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A question's reference answer as a document in the window's theme, rendered again whenever the theme changes. */
public final class ReferenceAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceAnswer.class);

    private final AnswerRenderer renderer;
    private final ObservableValue<Theme> theme;
    private final Consumer<String> say;
    private final ChangeListener<Theme> rerender = (obs, old, now) -> render();
    private final ReadOnlyStringWrapper html = new ReadOnlyStringWrapper("");
    /** The question whose reference answer is on show; null while none is. */
    private DrillItem shown;

    /** @param say tells the student when the reference answer cannot be shown */
    public ReferenceAnswer(AnswerRenderer renderer, ObservableValue<Theme> theme, Consumer<String> say) {
        this.renderer = renderer;
        this.theme = theme;
        this.say = say;
        theme.addListener(rerender);
    }

    /** The reference answer on show as a document; empty while none is. */
    public ReadOnlyStringProperty htmlProperty() {
        return html.getReadOnlyProperty();
    }

    /** Renders {@code item}'s reference answer, and again whenever the theme changes until {@link #clear}. */
    public void show(DrillItem item) {
        shown = item;
        render();
    }

    public void clear() {
        shown = null;
        html.set("");
    }

    /** Stops following the theme. */
    public void close() {
        theme.removeListener(rerender);
    }

    private void render() {
        if (shown == null) {
            return;
        }
        try {
            html.set(renderer.referenceAnswer(shown, theme.getValue()));
        } catch (RuntimeException e) {
            LOG.warn("rendering the reference answer of {} failed", shown.key(), e);
            html.set("");
            say.accept("The reference answer could not be shown: " + Messages.reason(e));
        }
    }
}
