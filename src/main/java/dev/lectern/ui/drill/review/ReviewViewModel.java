package dev.lectern.ui.drill.review;

import dev.lectern.grading.Grade;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.render.Theme;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.CardPhase;
import dev.lectern.scheduling.CardState;
import dev.lectern.scheduling.DueQueue;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.Fsrs;
import dev.lectern.scheduling.IntervalText;
import dev.lectern.scheduling.NothingDue;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.scheduling.SchedulerSettings;
import dev.lectern.store.SaveResult;
import dev.lectern.study.DrillItem;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.study.ReviewQueue;
import dev.lectern.study.SessionSummary;
import dev.lectern.ui.Messages;
import dev.lectern.ui.drill.AnswerCheck;
import dev.lectern.ui.drill.DrillServices;
import dev.lectern.ui.drill.TypedAnswerDrill;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Review: the questions that are due (then a few new ones, up to the day's limit), scheduled by FSRS. The student
 * types an answer and checks it, or just reveals the reference answer; the verdict suggests a rating; each of the four
 * rating buttons shows when the question would come back. A rating is written to the review log, and committed,
 * before the next question is shown; if it cannot be written a banner says so and the session goes on (the store keeps
 * the review and retries).
 */
public final class ReviewViewModel extends TypedAnswerDrill<ReviewViewModel.Phase> {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewViewModel.class);

    /** Where the student is with the current question. */
    public enum Phase {
        /** The student's progress is being read to find what is due. */
        LOADING,
        /** Typing an answer (or about to reveal without one). */
        ANSWERING,
        /** Waiting for the grader. */
        CHECKING,
        /** The reference answer (and the grade, if checked) is shown; a rating is to be chosen. */
        RATING,
        /** The rating is being written; the next question follows once it is committed. */
        SAVING,
        /** Every question in the queue has been rated. */
        DONE,
        /** There was nothing to review. */
        NOTHING_DUE
    }

    private final String scopeTitle;
    private final Map<CardKey, DrillItem> itemsByCard = new LinkedHashMap<>();
    private ReviewQueue<DrillItem> session = new ReviewQueue<>(List.of());
    private final Map<CardKey, CardState> states = new HashMap<>();
    /** The scheduler with the student's settings; null until the progress is read. */
    private Fsrs fsrs;

    private final ReadOnlyObjectWrapper<FlashcardRating> suggested = new ReadOnlyObjectWrapper<>();
    private final Map<FlashcardRating, ReadOnlyStringWrapper> intervals = new EnumMap<>(FlashcardRating.class);
    private final ReadOnlyStringWrapper saveProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper(false);
    private final List<Rated> rated = new ArrayList<>();
    private final Map<FlashcardRating, Integer> ratings = new EnumMap<>(FlashcardRating.class);
    private Map<FlashcardRating, CardState> preview = Map.of();

    /**
     * Builds the queue from {@code scopeItems} (the scope's questions in course order) and the student's progress: due
     * questions first, most overdue first, then new ones up to what today's limit still allows. The progress is read in
     * the background; until it is in, the phase is {@link Phase#LOADING}.
     */
    public ReviewViewModel(DrillServices services, String title, List<DrillItem> scopeItems, AnswerRenderer renderer,
            ObservableValue<Theme> theme) {
        super(services, "Review: " + title, Phase.LOADING, renderer, theme);
        this.scopeTitle = title;
        for (FlashcardRating r : FlashcardRating.values()) {
            intervals.put(r, new ReadOnlyStringWrapper(""));
        }
        scopeItems.forEach(i -> itemsByCard.putIfAbsent(i.card(), i));
        say("Finding what is due…");
        services.tasks().supply(this::load, l -> start(l.settings(), l.read(), l.now(), l.allowance()), e -> {
            LOG.warn("the review of {} could not start", scopeTitle, e);
            if (!closed()) {
                say("");
                finish("", "The review could not start: " + Messages.reason(e), Phase.NOTHING_DUE);
            }
        });
    }

    /** What the queue is built from, read in the background. */
    private record Loaded(SchedulerSettings settings, Map<CardKey, CardState> read, Instant now, int allowance) {
    }

    /** In the background: the settings, card states and today's new questions. */
    private Loaded load() {
        SchedulerSettings settings = services.progress().schedulerSettings();
        Map<CardKey, CardState> read = new HashMap<>(services.progress().cardStates());
        Instant now = services.clock().instant();
        return new Loaded(settings, read, now, newAllowance(services, settings, now));
    }

    private void start(SchedulerSettings settings, Map<CardKey, CardState> read, Instant now, int allowance) {
        if (closed()) {
            return;
        }
        say("");
        fsrs = new Fsrs(settings);
        states.putAll(read);
        session = new ReviewQueue<>(DueQueue.build(new ArrayList<>(itemsByCard.keySet()), states, now, allowance)
                .stream().map(itemsByCard::get).toList());
        if (session.done()) {
            finish("Nothing due", NothingDue.describe(scopeTitle, itemsByCard.keySet(), states, now, settings),
                    Phase.NOTHING_DUE);
        } else {
            show();
        }
    }

    /** How many new questions today still allows: the daily limit less the new questions first reviewed today. */
    public static int newAllowance(DrillServices services, SchedulerSettings settings, Instant now) {
        ZoneId zone = services.clock().getZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int introduced = services.progress().newIntroducedOn(today, zone);
        return Math.max(0, settings.newPerDay() - introduced);
    }

    /** The questions of this session, each once, in the order they are first shown. */
    public List<DrillItem> queue() {
        return session.questions();
    }

    /** The rating the verdict suggests (what Enter gives); null when nothing was graded or the grader is unsure. */
    public ReadOnlyObjectProperty<FlashcardRating> suggestedProperty() {
        return suggested.getReadOnlyProperty();
    }

    /** When the question would come back after this rating, e.g. "10m" or "3d"; empty until the answer is shown. */
    public ReadOnlyStringProperty intervalProperty(FlashcardRating rating) {
        return intervals.get(rating).getReadOnlyProperty();
    }

    /** Why the last rating could not be saved, for a banner; empty when everything is saved. */
    public ReadOnlyStringProperty saveProblemProperty() {
        return saveProblem.getReadOnlyProperty();
    }

    /**
     * Ctrl+Enter: grades the typed answer in the background, then shows the reference answer with the rating the
     * verdict suggests. A blank answer is simply revealed.
     */
    public void check() {
        if (phase() != Phase.ANSWERING) {
            return;
        }
        if (check.typed().isBlank()) {
            reveal();
            return;
        }
        phase(Phase.CHECKING);
        check.grade(item(), "Compare it with the reference answer and rate it yourself.", this::toRating);
    }

    /** Shows the reference answer without grading; no rating is suggested. */
    public void reveal() {
        if (phase() == Phase.ANSWERING) {
            check.ungraded();
            toRating(null);
        }
    }

    /** 1-4: rates the question; it is saved, then the next question shows. */
    public void rate(FlashcardRating rating) {
        if (phase() != Phase.RATING || rating == null) {
            return;
        }
        DrillItem current = item();
        Instant now = services.clock().instant();
        Grade g = check.gradeProperty().get();
        ReviewRecord record = new ReviewOutcome.Reviewed(current, now, rating, Optional.ofNullable(g),
                Optional.ofNullable(g).map(Grade::verdict), check.gradedAnswerProperty().get(),
                taken(now)).toRecord();
        CardState next = fsrs.next(states.getOrDefault(record.card(), CardState.NEW), rating, now,
                Fsrs.fuzzFor(record.card(), now));
        CardState before = states.getOrDefault(record.card(), CardState.NEW);
        save(Phase.SAVING, () -> services.progress().append(record), saved -> {
            saveProblem.set(describe(saved));
            states.put(record.card(), next);
            ratings.merge(rating, 1, Integer::sum);
            rated.add(new Rated(record, before, Optional.ofNullable(g)));
            undoable.set(true);
            session.rated(next.phase() == CardPhase.LEARNING || next.phase() == CardPhase.RELEARNING);
            show();
        });
    }

    /** A rating of this session, with what the card was before it, for taking it back. */
    private record Rated(ReviewRecord record, CardState before, Optional<Grade> grade) {
    }

    /** Whether Ctrl+Z can take back a rating now. */
    public ReadOnlyBooleanProperty undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    /**
     * Ctrl+Z: takes back the last rating of this session. The log stays append-only: the undo is recorded in it and
     * the card's state rebuilt from the reviews left; the question is shown again, unanswered.
     */
    public void undo() {
        if (rated.isEmpty() || (phase() != Phase.ANSWERING && phase() != Phase.RATING && phase() != Phase.DONE)) {
            return;
        }
        Rated last = rated.get(rated.size() - 1);
        Phase was = phase();
        save(Phase.SAVING, () -> services.progress().undo(last.record()), result -> {
            if (!result.saved()) {
                say(result.message().isBlank() ? "The rating could not be taken back." : result.message());
                phase(was);
                return;
            }
            rated.remove(rated.size() - 1);
            undoable.set(!rated.isEmpty());
            states.put(last.record().card(), last.before());
            ratings.computeIfPresent(last.record().rating(), (r, n) -> n == 1 ? null : n - 1);
            session.undo();
            show();
            say("Took back " + last.record().rating().label() + " on this question: answer it again.");
        });
    }

    /** Enter: takes the suggested rating, when there is one. */
    public void acceptSuggested() {
        rate(suggested.get());
    }

    /** Tries again to save the reviews that could not be saved. */
    public void retrySaving() {
        services.background().execute(() -> {
            SaveResult result;
            try {
                result = services.progress().retryPending();
            } catch (RuntimeException e) {
                result = new SaveResult(false, services.progress().pendingCount(),
                        "The reviews could not be saved: " + Messages.reason(e));
            }
            SaveResult r = result;
            services.ui().execute(() -> saveProblem.set(describe(r)));
        });
    }

    // ---- internals ----

    private static String describe(SaveResult result) {
        if (result.saved()) {
            return "";
        }
        String why = result.message().isBlank() ? "Your review could not be saved." : result.message();
        return why + " " + (result.pending() == 1 ? "1 review is kept until it"
                : result.pending() + " reviews are kept until they") + " can be written; Lectern tries again with each"
                + " review.";
    }

    private void toRating(Grade result) {
        // An unsure grade suggests nothing: Enter must not take a rating the student did not choose.
        suggested.set(result == null || AnswerCheck.unsure(result) ? null
                : FlashcardRating.suggestedFor(result.verdict()));
        Instant now = services.clock().instant();
        CardKey card = item().card();
        try {
            preview = fsrs.preview(states.getOrDefault(card, CardState.NEW), now, Fsrs.fuzzFor(card, now));
            for (FlashcardRating r : FlashcardRating.values()) {
                CardState s = preview.get(r);
                intervals.get(r).set(s == null ? "" : s.due().map(d -> IntervalText.of(Duration.between(now, d)))
                        .orElse(""));
            }
        } catch (RuntimeException e) {
            LOG.warn("previewing the intervals of {} failed", card, e);
            intervals.values().forEach(w -> w.set(""));
        }
        phase(Phase.RATING);
        check.showReference(item());
    }

    private void show() {
        check.clear();
        suggested.set(null);
        intervals.values().forEach(w -> w.set(""));
        if (session.done()) {
            services.background().execute(services.progress()::sessionEnded);
            int questions = session.questionsRated();
            int reviews = session.ratings();
            finish(Messages.plural(questions, "question") + " reviewed", Messages.plural(questions, "question")
                    + " reviewed" + (reviews == questions ? "" : " (" + reviews + " ratings, with the learning steps)")
                    + ": " + Stream.of(FlashcardRating.values())
                    .map(r -> ratings.getOrDefault(r, 0) + " " + r.label()).collect(Collectors.joining(", "))
                    + "." + SessionSummary.weakestLine(rated.stream().map(Rated::grade).flatMap(Optional::stream)
                    .toList()) + SessionSummary.comingBack(session.questions().stream().map(DrillItem::card).toList(),
                    states, services.clock().instant(), IntervalText::of), Phase.DONE);
            return;
        }
        ask(session.current(), session.counter(), Phase.ANSWERING);
    }

}
