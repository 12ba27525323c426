package dev.lectern.ui.drill.flashcards;

import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.study.DrillItem;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.study.SessionSummary;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.drill.QuestionDrill;
import dev.lectern.ui.drill.ReferenceAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;

/**
 * Flashcards: the student thinks of the answer, reveals the reference answer, and rates how well they recalled it
 * (Again, Hard, Good, Easy); every rating goes to the review log, written in the background, and the next card shows
 * once it is committed.
 */
public final class FlashcardViewModel extends QuestionDrill<FlashcardViewModel.Phase> {

    /** Where the student is with the current card. */
    public enum Phase {
        /** Only the prompt is shown. */
        THINKING,
        /** The reference answer is shown, to be rated. */
        REVEALED,
        /** The rating is being written; the next card follows once it is committed. */
        SAVING,
        /** Every card has been rated. */
        DONE
    }

    private final List<DrillItem> items;
    private final ReferenceAnswer reference;
    private final Map<FlashcardRating, Integer> ratings = new EnumMap<>(FlashcardRating.class);
    private int index;
    /** The ratings of this session, newest last, for taking them back. */
    private final List<ReviewRecord> rated = new ArrayList<>();
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper(false);

    public FlashcardViewModel(DrillServices services, String title, List<DrillItem> items, AnswerRenderer renderer,
            ObservableValue<Theme> theme) {
        super(services, "Flashcards: " + title, Phase.THINKING);
        noteSchedule(dev.lectern.scheduling.ReviewMode.FLASHCARD);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no flashcards");
        }
        this.items = List.copyOf(items);
        this.reference = new ReferenceAnswer(renderer, theme, this::say);
        show(0);
    }

    public ReadOnlyStringProperty referenceHtmlProperty() {
        return reference.htmlProperty();
    }

    /** Space: shows the reference answer. */
    public void reveal() {
        if (phase() == Phase.THINKING) {
            phase(Phase.REVEALED);
            reference.show(item());
        }
    }

    /** 1-4: rates the revealed card and shows the next. */
    public void rate(FlashcardRating rating) {
        if (phase() != Phase.REVEALED) {
            return;
        }
        Instant now = services.clock().instant();
        ReviewOutcome.Rated outcome = new ReviewOutcome.Rated(item(), now, rating, taken(now));
        record(List.of(outcome), Phase.SAVING, () -> {
            ratings.merge(rating, 1, Integer::sum);
            rated.add(outcome.toRecord());
            undoable.set(true);
            show(index + 1);
        });
    }

    /** Whether Ctrl+Z can take back a rating now. */
    public ReadOnlyBooleanProperty undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    /**
     * Ctrl+Z: takes back the last rating of this session (recorded in the log, which stays append-only); its card
     * shows again, unrevealed.
     */
    public void undo() {
        if (rated.isEmpty() || phase() == Phase.SAVING) {
            return;
        }
        ReviewRecord last = rated.get(rated.size() - 1);
        Phase was = phase();
        save(Phase.SAVING, () -> services.progress().undo(last), result -> {
            if (!result.saved()) {
                phase(was);
                say(result.message().isBlank() ? "The rating could not be taken back." : result.message());
                return;
            }
            rated.remove(rated.size() - 1);
            undoable.set(!rated.isEmpty());
            ratings.computeIfPresent(last.rating(), (r, n) -> n == 1 ? null : n - 1);
            show(index - 1);
            say("Took back " + last.rating().label() + " on this card.");
        });
    }

    @Override
    public void close() {
        super.close();
        reference.close();
    }

    private void show(int next) {
        index = next;
        reference.clear();
        say("");
        if (next >= items.size()) {
            String counts = Messages.plural(items.size(), "card") + ": " + Stream.of(FlashcardRating.values())
                    .map(r -> ratings.getOrDefault(r, 0) + " " + r.label()).collect(Collectors.joining(", ")) + ".";
            finish(Messages.plural(items.size(), "card") + " rated", counts, Phase.DONE);
            List<dev.lectern.scheduling.CardKey> cards = items.stream().map(DrillItem::card).toList();
            services.tasks().supply(services.progress()::cardStates, states -> summarize(counts
                    + SessionSummary.comingBack(cards, states, services.clock().instant(),
                    dev.lectern.scheduling.IntervalText::of)), e -> { });
            return;
        }
        ask(items.get(next), next, items.size(), Phase.THINKING);
    }
}
