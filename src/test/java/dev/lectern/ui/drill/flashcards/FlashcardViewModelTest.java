package dev.lectern.ui.drill.flashcards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.grading.GradingService;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.DrillScope;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.ui.DrillFixture;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flashcards without a window: think, reveal, rate; every rating is logged. */
class FlashcardViewModelTest {

    @TempDir
    Path dir;

    DrillFixture fx;
    GradingService unused = GradingService.of(DrillFixture::grade);
    List<DrillItem> cards;
    FlashcardViewModel flashcards;

    @BeforeEach
    void setUp() {
        fx = new DrillFixture(dir);
        cards = DrillPlans.questions(fx.course, new DrillScope.OfSet("llava")).subList(0, 2);
        flashcards = new FlashcardViewModel(fx.services(unused), "LLaVA", cards, new AnswerRenderer(fx.course.root()),
                new SimpleObjectProperty<>(Theme.LIGHT));
    }

    @AfterEach
    void tearDown() {
        unused.close();
    }

    @Test
    void aCardStartsWithOnlyThePrompt() {
        assertThat(flashcards.phaseProperty().get()).isEqualTo(FlashcardViewModel.Phase.THINKING);
        assertThat(flashcards.itemProperty().get()).isEqualTo(cards.get(0));
        assertThat(flashcards.referenceHtmlProperty().get()).isEmpty();
        assertThat(flashcards.progressProperty().get()).isEqualTo("Question 1 of 2");
    }

    @Test
    void revealShowsTheReferenceAnswer() {
        flashcards.reveal();

        assertThat(flashcards.phaseProperty().get()).isEqualTo(FlashcardViewModel.Phase.REVEALED);
        assertThat(flashcards.referenceHtmlProperty().get()).contains("GPT-4");
    }

    @Test
    void ratingBeforeRevealingDoesNothing() {
        flashcards.rate(FlashcardRating.EASY);
        fx.ui.runUntil(() -> flashcards.phaseProperty().get() != FlashcardViewModel.Phase.SAVING);

        assertThat(fx.progress.outcomes()).isEmpty();
        assertThat(flashcards.itemProperty().get()).isEqualTo(cards.get(0));
    }

    @Test
    void ratingLogsItAndShowsTheNextCard() {
        flashcards.reveal();

        flashcards.rate(FlashcardRating.HARD);

        fx.ui.runUntil(() -> flashcards.phaseProperty().get() != FlashcardViewModel.Phase.SAVING);

        assertThat(fx.progress.outcomes()).containsExactly(
                new ReviewOutcome.Rated(cards.get(0), DrillFixture.T0, FlashcardRating.HARD));
        assertThat(flashcards.itemProperty().get()).isEqualTo(cards.get(1));
        assertThat(flashcards.phaseProperty().get()).isEqualTo(FlashcardViewModel.Phase.THINKING);
    }

    @Test
    void undoTakesBackTheLastRatingAndShowsItsCardAgainUnrevealed() {
        flashcards.reveal();
        flashcards.rate(FlashcardRating.HARD);
        fx.ui.runUntil(() -> flashcards.phaseProperty().get() != FlashcardViewModel.Phase.SAVING);
        assertThat(flashcards.progressProperty().get()).isEqualTo("Question 2 of " + cards.size());

        flashcards.undo();
        fx.ui.runUntil(() -> flashcards.phaseProperty().get() != FlashcardViewModel.Phase.SAVING);

        assertThat(flashcards.itemProperty().get()).isEqualTo(cards.get(0));
        assertThat(flashcards.phaseProperty().get()).isEqualTo(FlashcardViewModel.Phase.THINKING);
        assertThat(flashcards.progressProperty().get()).isEqualTo("Question 1 of " + cards.size());
        assertThat(flashcards.messageProperty().get()).isEqualTo("Took back Hard on this card.");
        assertThat(flashcards.undoableProperty().get()).isFalse();
        assertThat(fx.progress.saved()).isEmpty();
        assertThat(fx.progress.events).containsExactly("append " + cards.get(0).card().text(),
                "undo " + cards.get(0).card().text());
    }

    @Test
    void theRatingCarriesTheTimeFromShowingTheCard() {
        fx.clock.advance(java.time.Duration.ofSeconds(7));
        flashcards.reveal();
        fx.clock.advance(java.time.Duration.ofSeconds(5));

        flashcards.rate(FlashcardRating.GOOD);

        fx.ui.runUntil(() -> flashcards.phaseProperty().get() != FlashcardViewModel.Phase.SAVING);

        assertThat(((ReviewOutcome.Rated) fx.progress.outcomes().get(0)).taken())
                .isEqualTo(java.time.Duration.ofSeconds(12));
    }

    @Test
    void afterTheLastCardASummaryCountsTheRatings() {
        flashcards.reveal();
        flashcards.rate(FlashcardRating.AGAIN);
        fx.ui.runUntil(() -> flashcards.phaseProperty().get() != FlashcardViewModel.Phase.SAVING);
        flashcards.reveal();
        flashcards.rate(FlashcardRating.GOOD);
        fx.ui.runUntil(() -> flashcards.phaseProperty().get() != FlashcardViewModel.Phase.SAVING);

        assertThat(flashcards.phaseProperty().get()).isEqualTo(FlashcardViewModel.Phase.DONE);
        assertThat(flashcards.summaryProperty().get()).isEqualTo("2 cards: 1 Again, 0 Hard, 1 Good, 0 Easy.");
    }

    @Test
    void theRatingIsCommittedOffTheUiThreadBeforeTheNextCardIsShown() {
        java.util.Deque<Runnable> background = new java.util.ArrayDeque<>();
        FlashcardViewModel cardsLater = new FlashcardViewModel(new dev.lectern.ui.drill.DrillServices(unused,
                fx.progress, fx.dialogs, background::add, fx.ui, fx.clock), "LLaVA", cards,
                new AnswerRenderer(fx.course.root()), new SimpleObjectProperty<>(Theme.LIGHT));
        assertThat(background).as("the schedule note's settings are read in the background").hasSize(1);
        background.poll().run();
        fx.ui.runUntil(() -> !cardsLater.noteProperty().get().isEmpty());
        assertThat(cardsLater.noteProperty().get()).isEqualTo("Your answers here count towards your schedule, as"
                + " reviews do.");
        cardsLater.reveal();

        cardsLater.rate(FlashcardRating.GOOD);

        assertThat(cardsLater.phaseProperty().get()).isEqualTo(FlashcardViewModel.Phase.SAVING);
        assertThat(cardsLater.messageProperty().get()).isEqualTo("Saving…");
        assertThat(cardsLater.itemProperty().get()).isEqualTo(cards.get(0));
        cardsLater.rate(FlashcardRating.EASY);
        assertThat(fx.progress.outcomes()).isEmpty();

        background.poll().run();
        fx.ui.runUntil(() -> cardsLater.itemProperty().get() == cards.get(1));

        assertThat(fx.progress.outcomes()).containsExactly(
                new ReviewOutcome.Rated(cards.get(0), DrillFixture.T0, FlashcardRating.GOOD));
        assertThat(background).isEmpty();
        assertThat(cardsLater.phaseProperty().get()).isEqualTo(FlashcardViewModel.Phase.THINKING);
    }
}
