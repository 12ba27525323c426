package dev.lectern.cli;

import dev.lectern.course.Course;
import dev.lectern.course.load.CourseLoader;
import dev.lectern.course.load.LoadedCourse;
import dev.lectern.grading.AnswerKey;
import dev.lectern.grading.Grade;
import dev.lectern.grading.Grader;
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
import dev.lectern.store.Progress;
import dev.lectern.store.SaveResult;
import dev.lectern.study.DrillItem;
import dev.lectern.study.DrillPlans;
import dev.lectern.study.DrillScope;
import dev.lectern.study.ReviewOutcome;
import dev.lectern.study.ReviewQueue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lectern review}: the questions that are due (then new ones up to the day's limit) on standard output, answers
 * and ratings from standard input; each rating is saved to the progress store before the next question.
 */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reviews the questions that are due, scheduled by FSRS (then new ones, up to the day's limit),"
                + " of the whole course, a reading or a week.",
                "For each question type an answer on one line (an empty line just shows the reference answer); it is"
                        + " graded (score, key points, explanation) and a rating suggested, none when the grader is"
                        + " unsure. Then type the rating: 1-4 or again, hard, good, easy;"
                        + " an empty line takes the suggested one. u instead of an answer takes back the last"
                        + " rating (the undo is recorded; the log stays append-only). The counter shows the questions"
                        + " left and those in learning apart. End of input (Ctrl+D) stops. Works with piped input too.",
                "Exit code: 0, 1 if the reading or week does not exist or progress cannot be saved, 2 on a usage"
                        + " error."})
final class ReviewCommand extends ContextCommand {

    @ArgGroup(exclusive = true)
    ScopeOptions.ReadingOrWeek scope;

    @Option(names = "--limit", paramLabel = "N", description = "Review at most N questions.")
    Integer limit;

    @Mixin
    CourseOption course;

    ReviewCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 1) {
            throw usageError("--limit must be at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = course.dir();
        LoadedCourse loaded = CourseLoader.load(dir);
        Course c = loaded.course();
        DrillScope chosen = ScopeOptions.chosen(scope);
        String unknown = DrillCommand.unknown(c, chosen);
        if (unknown != null) {
            err.println("lectern: " + unknown);
            err.flush();
            return 1;
        }
        Map<CardKey, DrillItem> items = new LinkedHashMap<>();
        DrillPlans.questions(c, chosen).forEach(i -> items.putIfAbsent(i.card(), i));
        if (items.isEmpty()) {
            err.println("lectern: There are no questions for " + chosen.describe() + ".");
            err.flush();
            return 1;
        }
        try (Progress progress = context.progress().apply(StoreCli.dataDir(spec, c))) {
            progress.notices().forEach(n -> err.println("note: " + n));
            return review(out, err, progress, chosen, items);
        }
    }

    private int review(PrintWriter out, PrintWriter err, Progress progress, DrillScope chosen,
            Map<CardKey, DrillItem> items) throws IOException {
        Instant now = context.clock().instant();
        ZoneId zone = context.clock().getZone();
        SchedulerSettings settings = progress.schedulerSettings();
        Fsrs fsrs = new Fsrs(settings);
        Map<CardKey, CardState> states = new java.util.HashMap<>(progress.cardStates());
        int allowance = Math.max(0, settings.newPerDay() - progress.newIntroducedOn(LocalDate.ofInstant(now, zone),
                zone));
        List<CardKey> queue = new ArrayList<>(DueQueue.build(new ArrayList<>(items.keySet()), states, now, allowance));
        if (limit != null && queue.size() > limit) {
            queue = new ArrayList<>(queue.subList(0, limit));
        }
        int questions = queue.size();
        if (queue.isEmpty()) {
            out.println(NothingDue.describe(chosen.describe(), items.keySet(), states, now, settings));
            out.flush();
            return 0;
        }
        if (progress.readOnly()) {
            err.println("note: Another Lectern has your progress open, or it cannot be written: ratings are kept"
                    + " only until this review ends.");
        }
        AnswerFeedback.Marks marks = AnswerFeedback.Marks.of(context.unicode());
        String dot = marks.dot();
        CompletableFuture<Grader> grader = context.graderInBackground();
        out.printf(Locale.ROOT, "Review of %s: %s due. Type an answer (an empty line shows the reference answer),"
                + " then a rating: 1-4 or again, hard, good, easy; an empty line takes the suggested one; u instead of"
                + " an answer takes back the last rating. End of input (Ctrl+D) stops.%n", chosen.describe(),
                Summary.plural(queue.size(), "question"));
        BufferedReader in = context.stdin().get();
        Map<FlashcardRating, Integer> counts = new EnumMap<>(FlashcardRating.class);
        boolean unsaved = false;
        ReviewQueue<CardKey> session = new ReviewQueue<>(queue);
        java.util.Deque<Rated> rated = new java.util.ArrayDeque<>();
        while (!session.done()) {
            CardKey card = session.current();
            DrillItem item = items.get(card);
            Instant shown = context.clock().instant();
            out.printf(Locale.ROOT, "%n%s%s%s%n%s%n> ", session.counter(), dot, item.set().title(),
                    item.question().prompt());
            out.flush();
            String answer = readLine(in, out);
            if (answer == null) {
                break;
            }
            if (answer.strip().equalsIgnoreCase("u")) {
                undo(out, err, progress, session, rated, states, counts);
                continue;
            }
            Grade grade = answer.isBlank() ? null : grade(grader, item, answer.strip(), err);
            if (grade != null) {
                AnswerFeedback.print(out, grade, marks, "");
            } else if (!answer.isBlank()) {
                out.println("Not graded: the grader failed on this answer.");
            }
            out.println("Reference answer: " + item.question().referenceAnswer());
            // An unsure grade suggests nothing: an empty line must not take a rating the student did not choose.
            Optional<FlashcardRating> suggested = Optional.ofNullable(grade).filter(g -> !AnswerFeedback.unsure(g))
                    .map(g -> FlashcardRating.suggestedFor(g.verdict()));
            Instant at = context.clock().instant();
            Map<FlashcardRating, CardState> preview = fsrs.preview(states.getOrDefault(card, CardState.NEW), at,
                    Fsrs.fuzzFor(card, at));
            out.println(Stream.of(FlashcardRating.values())
                    .map(r -> r.number() + " " + r.label() + " " + preview.get(r).due()
                            .map(d -> IntervalText.of(Duration.between(at, d))).orElse("?")
                            + (suggested.filter(r::equals).isPresent() ? " (suggested)" : ""))
                    .collect(Collectors.joining(dot)));
            Optional<FlashcardRating> rating = askRating(in, out, suggested, AnswerFeedback.unsure(grade));
            if (rating.isEmpty()) {
                break;
            }
            Instant ratedAt = context.clock().instant();
            ReviewRecord record = new ReviewOutcome.Reviewed(item, ratedAt, rating.get(), Optional.ofNullable(grade),
                    Optional.ofNullable(grade).map(Grade::verdict), answer.strip(), Duration.between(shown, ratedAt))
                    .toRecord();
            SaveResult saved = progress.append(record);
            if (!saved.saved()) {
                unsaved = true;
                err.println("lectern: " + (saved.message().isBlank() ? "The review could not be saved."
                        : saved.message()));
                err.flush();
            } else if (!saved.message().isBlank()) {
                err.println("lectern: " + saved.message()); // Saved, after following a deleted or replaced file.
                err.flush();
            }
            CardState before = states.getOrDefault(card, CardState.NEW);
            CardState next = fsrs.next(before, rating.get(), ratedAt, Fsrs.fuzzFor(card, ratedAt));
            states.put(card, next);
            boolean again = next.phase() == CardPhase.LEARNING || next.phase() == CardPhase.RELEARNING;
            // As in Anki: a question in its learning steps comes back later in this session.
            session.rated(again);
            rated.push(new Rated(record, before));
            out.println(rating.get().label() + ": back in " + next.due().map(d -> IntervalText.of(Duration.between(
                    ratedAt, d))).orElse("?") + (again ? ", later in this session" : "") + ".");
            counts.merge(rating.get(), 1, Integer::sum);
        }
        int ratings = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.printf(Locale.ROOT, "%nReviewed %s of %d%s: %s.%n", Summary.plural(session.questionsRated(), "question"),
                questions, ratings == session.questionsRated() ? "" : " (" + ratings
                        + " ratings, with the learning steps)",
                Stream.of(FlashcardRating.values()).map(r -> counts.getOrDefault(r, 0) + " " + r.label())
                        .collect(Collectors.joining(", ")));
        if (unsaved && progress.retryPending().saved()) {
            unsaved = false;
        }
        if (unsaved) {
            out.println(Summary.plural(progress.pendingCount(), "review") + " could not be saved.");
        }
        out.flush();
        return unsaved ? 1 : 0;
    }

    /** A rating of this session, with the card's state before it, for taking it back. */
    private record Rated(ReviewRecord record, CardState before) {
    }

    /** u: takes back the last rating of this session (recorded in the log), and asks its question again. */
    private static void undo(PrintWriter out, PrintWriter err, Progress progress, ReviewQueue<CardKey> session,
            java.util.Deque<Rated> rated, Map<CardKey, CardState> states, Map<FlashcardRating, Integer> counts) {
        if (rated.isEmpty()) {
            out.println("Nothing to take back yet.");
            return;
        }
        Rated last = rated.peek();
        SaveResult result = progress.undo(last.record());
        if (!result.saved()) {
            err.println("lectern: " + result.message());
            err.flush();
            return;
        }
        rated.pop();
        session.undo();
        states.put(last.record().card(), last.before());
        counts.computeIfPresent(last.record().rating(), (r, n) -> n == 1 ? null : n - 1);
        out.println("Took back " + last.record().rating().label() + ": the question again.");
    }

    /** A line of input, echoed when piped so the transcript reads like a session; null at end of input. */
    private String readLine(BufferedReader in, PrintWriter out) throws IOException {
        String line = in.readLine();
        if (line == null) {
            out.println();
        } else if (!context.interactive()) {
            out.println(line);
        }
        return line;
    }

    /**
     * Asks until the line names a rating (or is empty with a suggestion); empty at end of input. Without a suggestion
     * (nothing graded, or the grader {@code unsure}) an empty line asks again.
     */
    private Optional<FlashcardRating> askRating(BufferedReader in, PrintWriter out, Optional<FlashcardRating> suggested,
            boolean unsure) throws IOException {
        while (true) {
            out.print(suggested.map(s -> "Rating (Enter = " + s.label() + ")> ").orElse("Rating> "));
            out.flush();
            String line = readLine(in, out);
            if (line == null) {
                return Optional.empty();
            }
            Optional<FlashcardRating> rating = line.isBlank() ? suggested : parse(line);
            if (rating.isPresent()) {
                return rating;
            }
            out.println(line.isBlank() ? (unsure ? "The grader is unsure, so there is no suggestion"
                    : "Nothing was graded, so there is no suggestion") + ": type 1-4 or again, hard, good, easy." : "\"" + line.strip() + "\" is not a rating: type 1-4 or again, hard, good, easy.");
        }
    }

    static Optional<FlashcardRating> parse(String line) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        for (FlashcardRating r : FlashcardRating.values()) {
            if (word.equals(String.valueOf(r.number())) || word.equals(r.label().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The grade, or null when the grader could not load or failed on this answer (the student rates alone). */
    private static Grade grade(CompletableFuture<Grader> grader, DrillItem item, String answer, PrintWriter err) {
        try {
            return grader.join().grade(AnswerKey.of(item.question()), answer);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("lectern: The grader could not be loaded (" + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName() : cause.getMessage()) + "); rate your answer yourself.");
            err.flush();
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
