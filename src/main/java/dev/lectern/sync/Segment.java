package dev.lectern.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.grading.Verdict;
import dev.lectern.scheduling.CardKey;
import dev.lectern.scheduling.FlashcardRating;
import dev.lectern.scheduling.ReviewMode;
import dev.lectern.scheduling.ReviewRecord;
import dev.lectern.store.SharedHistory.Records;
import dev.lectern.store.SharedHistory.SharedExam;
import dev.lectern.store.SharedHistory.SharedRename;
import dev.lectern.store.SharedHistory.SharedReview;
import dev.lectern.store.SharedHistory.SharedSettings;
import dev.lectern.store.SharedHistory.SharedUndo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One file of a device's folder in the sync folder: JSON Lines, a heading line naming the format, the device and the
 * course; one record a line, each with its global id; and a closing line counting them, so a file cut off at a line's
 * end is told from a whole one.
 */
final class Segment {

    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXAM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    /** What one line held. */
    sealed interface Line permits Heading, Item, End {
    }

    record Heading(int format, String device, String course) implements Line {
    }

    /** A record: one of {@link SharedReview}, {@link SharedUndo}, {@link SharedRename}, {@link SharedExam}, {@link SharedSettings}. */
    record Item(Object record) implements Line {
    }

    record End(int records) implements Line {
    }

    private Segment() {
    }

    /** The file's bytes: heading, {@code records} in order, closing line. */
    static byte[] write(String device, String course, Records records) {
        StringBuilder out = new StringBuilder();
        ObjectNode heading = JSON.createObjectNode().put("lectern", "sync").put("format", FORMAT).put("device", device)
                .put("course", course);
        out.append(heading).append('\n');
        int n = 0;
        for (SharedReview r : records.reviews()) {
            out.append(review(r)).append('\n');
            n++;
        }
        for (SharedRename r : records.renames()) {
            out.append(JSON.createObjectNode().put("kind", "rename").put("id", r.device() + "/" + r.seq())
                    .put("device", r.device()).put("seq", r.seq()).put("fromSet", r.from().setId())
                    .put("fromQuestion", r.from().questionId()).put("toSet", r.to().setId())
                    .put("toQuestion", r.to().questionId()).put("at", r.at().toString())).append('\n');
            n++;
        }
        for (SharedUndo u : records.undos()) {
            out.append(JSON.createObjectNode().put("kind", "undo").put("review", u.device() + "/" + u.seq())
                    .put("device", u.device()).put("seq", u.seq()).put("at", u.at().toString())).append('\n');
            n++;
        }
        for (SharedExam e : records.exams()) {
            out.append(JSON.createObjectNode().put("kind", "exam").put("id", e.id()).put("title", e.title())
                    .put("startedAt", e.startedAt().toString())
                    .put("finishedAt", e.finishedAt().map(Instant::toString).orElse(null))
                    .put("payload", e.payload())).append('\n');
            n++;
        }
        for (SharedSettings s : records.settings()) {
            ObjectNode line = JSON.createObjectNode().put("kind", "settings").put("device", s.device())
                    .put("at", s.at().toString());
            ObjectNode values = line.putObject("values");
            s.values().forEach(values::put);
            out.append(line).append('\n');
            n++;
        }
        out.append(JSON.createObjectNode().put("kind", "end").put("records", n)).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode review(SharedReview shared) {
        ReviewRecord r = shared.review();
        ObjectNode o = JSON.createObjectNode().put("kind", "review").put("id", shared.device() + "/" + shared.seq())
                .put("device", shared.device()).put("seq", shared.seq()).put("set", r.card().setId())
                .put("question", r.card().questionId()).put("at", r.at().toString())
                .put("rating", r.rating().number()).put("answer", r.answer()).put("takenMs", r.taken().toMillis())
                .put("mode", r.mode().code());
        if (r.score().isPresent()) {
            o.put("score", r.score().getAsInt());
        }
        r.verdict().ifPresent(v -> o.put("verdict", v.label()));
        r.graded().ifPresent(v -> o.put("graded", v.label()));
        return o;
    }

    /**
     * What one line holds.
     *
     * @throws IllegalArgumentException with a plain sentence when it is not a line Lectern wrote
     */
    static Line read(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the line is not whole JSON (cut off while it was written or copied,"
                    + " or damaged)");
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("the line is not a record (a JSON object)");
        }
        try {
            if (o.has("lectern")) {
                return new Heading(o.path("format").asInt(-1), text(o, "device"), text(o, "course"));
            }
            String kind = text(o, "kind");
            return switch (kind) {
                case "end" -> new End(o.path("records").asInt(-1));
                case "review" -> new Item(new SharedReview(text(o, "device"), number(o, "seq"), reviewOf(o)));
                case "undo" -> new Item(new SharedUndo(text(o, "device"), number(o, "seq"), time(o, "at")));
                case "rename" -> new Item(new SharedRename(text(o, "device"), number(o, "seq"),
                        new CardKey(text(o, "fromSet"), text(o, "fromQuestion")),
                        new CardKey(text(o, "toSet"), text(o, "toQuestion")), time(o, "at")));
                case "exam" -> new Item(exam(o));
                case "settings" -> new Item(settings(o));
                default -> throw new IllegalArgumentException("it holds a record of an unknown kind, \"" + kind
                        + "\" (written by a newer Lectern?)");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "the record cannot be read" : e.getMessage());
        }
    }

    private static ReviewRecord reviewOf(JsonNode o) {
        int number = (int) number(o, "rating");
        FlashcardRating rating = FlashcardRating.ofNumber(number)
                .orElseThrow(() -> new IllegalArgumentException("the review's rating is " + number + ", not 1-4"));
        OptionalInt score = o.hasNonNull("score") ? OptionalInt.of((int) number(o, "score")) : OptionalInt.empty();
        return new ReviewRecord(new CardKey(text(o, "set"), text(o, "question")), time(o, "at"), rating, score,
                verdict(o, "verdict"), o.path("answer").asText(""), Duration.ofMillis(o.path("takenMs").asLong(0)),
                ReviewMode.fromCode(text(o, "mode")), verdict(o, "graded"));
    }

    private static SharedExam exam(JsonNode o) {
        String id = text(o, "id");
        if (!EXAM_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("the exam id \"" + id + "\" is not one Lectern makes");
        }
        String payload = text(o, "payload");
        try {
            if (!JSON.readTree(payload).isObject()) {
                throw new IllegalArgumentException("the exam " + id + " holds no exam");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the exam " + id + " is damaged");
        }
        Optional<Instant> finished = o.hasNonNull("finishedAt") ? Optional.of(time(o, "finishedAt")) : Optional.empty();
        return new SharedExam(id, text(o, "title"), time(o, "startedAt"), finished, payload);
    }

    private static SharedSettings settings(JsonNode o) {
        JsonNode values = o.path("values");
        if (!values.isObject()) {
            throw new IllegalArgumentException("the settings record holds no values");
        }
        Map<String, String> map = new LinkedHashMap<>();
        values.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return new SharedSettings(text(o, "device"), time(o, "at"), map);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("the record has no " + field);
        }
        return v.asText();
    }

    private static long number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalArgumentException("the record has no number " + field);
        }
        return v.asLong();
    }

    private static Instant time(JsonNode o, String field) {
        try {
            return Instant.parse(text(o, field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("the record's " + field + " is not a time");
        }
    }

    private static Optional<Verdict> verdict(JsonNode o, String field) {
        return o.hasNonNull(field) ? Optional.of(Verdict.fromLabel(o.get(field).asText())) : Optional.empty();
    }

    /** The records of {@code items}, sorted into their kinds. */
    static Records records(List<Object> items) {
        List<SharedReview> reviews = new ArrayList<>();
        List<SharedUndo> undos = new ArrayList<>();
        List<SharedRename> renames = new ArrayList<>();
        List<SharedExam> exams = new ArrayList<>();
        List<SharedSettings> settings = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof SharedReview r) {
                reviews.add(r);
            } else if (item instanceof SharedUndo u) {
                undos.add(u);
            } else if (item instanceof SharedRename r) {
                renames.add(r);
            } else if (item instanceof SharedExam e) {
                exams.add(e);
            } else if (item instanceof SharedSettings st) {
                settings.add(st);
            }
        }
        return new Records(reviews, undos, renames, exams, settings);
    }

    /** The device a record says made it; empty for an exam, which any device may send. */
    static Optional<String> deviceOf(Object record) {
        if (record instanceof SharedReview r) {
            return Optional.of(r.device());
        }
        if (record instanceof SharedUndo u) {
            return Optional.of(u.device());
        }
        if (record instanceof SharedRename r) {
            return Optional.of(r.device());
        }
        return record instanceof SharedSettings s ? Optional.of(s.device()) : Optional.empty();
    }
}
