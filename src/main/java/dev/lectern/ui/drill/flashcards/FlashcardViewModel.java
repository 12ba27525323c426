package dev.lectern.ui.drill.flashcards;

import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.study.DrillItem;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.Drill;
import dev.lectern.ui.drill.DrillServices;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flashcards: the student thinks of the answer, reveals the reference answer, and rates how well they recalled it
 * (Again, Hard, Good, Easy); every rating goes to the review log.
 */
public final class FlashcardViewModel implements Drill {

    private static final Logger LOG = LoggerFactory.getLogger(FlashcardViewModel.class);

    /** Where the student is with the current card. */
    public enum Phase {
        /** Only the prompt is shown. */
        THINKING,
        /** The reference answer is shown, to be rated. */
        REVEALED,
        /** Every card has been rated. */
        DONE
    }

    private final DrillServices services;
    private final String title;
    private final List<DrillItem> items;
    private final AnswerRenderer renderer;
    private final ObservableValue<Theme> theme;
    private final ChangeListener<Theme> rerender = (obs, old, now) -> renderReference();

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.THINKING);
    private final ReadOnlyObjectWrapper<DrillItem> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper referenceHtml = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Map<FlashcardRating, Integer> ratings = new EnumMap<>(FlashcardRating.class);
    private int index;
    /** When the card on screen was shown, for the time taken. */
    private Instant shownAt;

    public FlashcardViewModel(DrillServices services, String title, List<DrillItem> items, AnswerRenderer renderer,
            ObservableValue<Theme> theme) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no flashcards");
        }
        this.services = services;
        this.title = title;
        this.items = List.copyOf(items);
        this.renderer = renderer;
        this.theme = theme;
        theme.addListener(rerender);
        show(0);
    }

    @Override
    public String title() {
        return "Flashcards: " + title;
    }

    @Override
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DrillItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty referenceHtmlProperty() {
        return referenceHtml.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** How the cards were rated, once done: "6 cards: 1 Again, 2 Hard, 2 Good, 1 Easy". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Space: shows the reference answer. */
    public void reveal() {
        if (phase.get() == Phase.THINKING) {
            phase.set(Phase.REVEALED);
            renderReference();
        }
    }

    /** 1-4: rates the revealed card and shows the next. */
    public void rate(FlashcardRating rating) {
        if (phase.get() != Phase.REVEALED) {
            return;
        }
        Instant now = services.clock().instant();
        services.progress().record(new ReviewOutcome.Rated(item.get(), now, rating, Duration.between(shownAt, now)));
        ratings.merge(rating, 1, Integer::sum);
        show(index + 1);
    }

    @Override
    public void close() {
        theme.removeListener(rerender);
    }

    private void show(int next) {
        index = next;
        referenceHtml.set("");
        message.set("");
        if (next >= items.size()) {
            progress.set(Messages.plural(items.size(), "card") + " rated");
            summary.set(Messages.plural(items.size(), "card") + ": " + Stream.of(FlashcardRating.values())
                    .map(r -> ratings.getOrDefault(r, 0) + " " + r.label()).collect(Collectors.joining(", ")));
            phase.set(Phase.DONE);
            return;
        }
        item.set(items.get(next));
        progress.set(Messages.progress(next, items.size()));
        shownAt = services.clock().instant();
        phase.set(Phase.THINKING);
    }

    private void renderReference() {
        if (phase.get() != Phase.REVEALED) {
            return;
        }
        try {
            referenceHtml.set(renderer.referenceAnswer(item.get(), theme.getValue()));
        } catch (RuntimeException e) {
            LOG.warn("rendering the reference answer of {} failed", item.get().key(), e);
            message.set("The reference answer could not be shown: " + Messages.reason(e));
        }
    }
}
