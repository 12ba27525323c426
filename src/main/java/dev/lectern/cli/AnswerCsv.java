package dev.lectern.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.lectern.course.KeyPoint;
import dev.lectern.course.Problem;
import dev.lectern.grading.AnswerKey;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file of answers to grade (RFC 4180, UTF-8, a header row first): the columns {@code question},
 * {@code reference_answer} and {@code student_answer}, optionally {@code alternative_answers} (a JSON array of
 * strings) and {@code key_points} (a JSON array of strings or of {"text": ..., "accept": [...]}); other columns are
 * kept for whoever reads them (gold labels, groups) and otherwise ignored. Column names are matched ignoring case.
 */
final class AnswerCsv {

    static final String QUESTION = "question";
    static final String REFERENCE = "reference_answer";
    static final String STUDENT = "student_answer";
    static final String ALTERNATIVES = "alternative_answers";
    static final String KEY_POINTS = "key_points";
    static final List<String> REQUIRED = List.of(QUESTION, REFERENCE, STUDENT);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One value and where it starts in the file (1-based line and column). */
    record Cell(String text, int line, int column) {
    }

    /** A data row: its 1-based number (the header not counted), the line it starts on, and its values. */
    record Row(int number, int line, List<Cell> cells) {
    }

    /** An answer ready to grade: the row it came from, what it is graded against, and the student's answer. */
    record Answer(Row row, AnswerKey key, String text) {
    }

    /** The file cannot be read at all; the problem says where and why. */
    static final class Unreadable extends Exception {
        private final transient Problem problem;

        Unreadable(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows;
    private final List<Problem> problems;

    private AnswerCsv(Path file, List<String> header, List<Row> rows, List<Problem> problems) {
        this.file = file;
        this.header = List.copyOf(header);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        this.columns = index;
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads the whole file. Rows with too few or too many values are kept (missing values read as empty) and
     * reported in {@link #problems()}; a file that is missing, empty or not valid CSV is {@link Unreadable}.
     */
    static AnswerCsv read(Path file) throws Unreadable {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        // InputStreamReader replaces bytes that are not UTF-8 instead of failing on them.
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
                JsonParser parser = mapper.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new Unreadable(Problem.error(file, 1, 1, "The file is empty; it needs a header row naming the"
                        + " columns, at least " + String.join(", ", REQUIRED) + "."));
            }
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                List<Cell> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    JsonLocation at = parser.currentTokenLocation();
                    cells.add(new Cell(parser.getText(), (int) at.getLineNr(), (int) at.getColumnNr()));
                }
                if (cells.isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = new ArrayList<>();
                    for (Cell cell : cells) {
                        header.add(cell.text().replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
                    }
                    continue;
                }
                Row row = new Row(rows.size() + 1, cells.get(0).line(), List.copyOf(cells));
                if (cells.size() != header.size()) {
                    Cell at = cells.size() > header.size() ? cells.get(header.size()) : cells.get(cells.size() - 1);
                    problems.add(Problem.error(file, at.line(), at.column(), "This row has " + cells.size()
                            + " values but the header names " + header.size() + " columns; "
                            + (cells.size() > header.size() ? "the extra values are ignored"
                                    : "the missing ones are taken as empty")
                            + " (is a comma or a quote out of place?)."));
                }
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new Unreadable(Problem.error(file, 1, 1, "The file does not exist."));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Unreadable(Problem.error(file, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    "This is not valid CSV here: " + e.getOriginalMessage() + ". A value that starts with a quote must"
                            + " end with one, and a quote inside it is written twice."));
        } catch (IOException e) {
            throw new Unreadable(Problem.error(file, 1, 1, "The file cannot be read: " + e.getMessage()));
        }
        if (header == null) {
            throw new Unreadable(Problem.error(file, 1, 1, "The file is empty; it needs a header row naming the"
                    + " columns, at least " + String.join(", ", REQUIRED) + "."));
        }
        return new AnswerCsv(file, header, rows, problems);
    }

    Path file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    /** Rows whose number of values does not match the header. */
    List<Problem> problems() {
        return problems;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** Fails, naming what is missing and what the header has, unless every one of {@code required} is a column. */
    void require(List<String> required, String why) throws Unreadable {
        List<String> missing = required.stream().filter(c -> !has(c)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable(Problem.error(file, 1, 1, "The header has no " + quoted(missing) + " column"
                    + (missing.size() == 1 ? "" : "s") + "; " + why + ". Its columns are: " + String.join(", ", header)
                    + "."));
        }
    }

    private static String quoted(List<String> names) {
        List<String> q = names.stream().map(n -> "\"" + n + "\"").toList();
        return q.size() == 1 ? q.get(0)
                : String.join(", ", q.subList(0, q.size() - 1)) + " or " + q.get(q.size() - 1);
    }

    /** The row's value in that column, if the file has the column and the row reaches it. */
    Optional<Cell> cell(Row row, String column) {
        Integer i = columns.get(column);
        return i == null || i >= row.cells().size() ? Optional.empty() : Optional.of(row.cells().get(i));
    }

    /** The row's text in that column, empty if it has none. */
    String text(Row row, String column) {
        return cell(row, column).map(Cell::text).orElse("");
    }

    /**
     * The row as an answer to grade. A JSON cell that cannot be read is left out of the key, with a problem added
     * to {@code found} at that cell.
     */
    Answer answer(Row row, List<Problem> found) {
        List<String> alternatives = cell(row, ALTERNATIVES)
                .flatMap(cell -> json(cell, ALTERNATIVES, "strings, such as [\"another answer\"]", found,
                        AnswerCsv::alternatives))
                .orElse(List.of());
        List<KeyPoint> keyPoints = cell(row, KEY_POINTS)
                .flatMap(cell -> json(cell, KEY_POINTS,
                        "strings or of {\"text\": ..., \"accept\": [...]}, such as [\"main idea\", {\"text\": \"other point\","
                                + " \"accept\": [\"another phrasing\"]}]", found, AnswerCsv::keyPoints))
                .orElse(List.of());
        AnswerKey key = new AnswerKey(text(row, QUESTION), text(row, REFERENCE), alternatives, keyPoints);
        return new Answer(row, key, text(row, STUDENT));
    }

    /** Reads a JSON array from a cell; empty when the cell is blank or, with a problem, when it is not as expected. */
    private <T> Optional<List<T>> json(Cell cell, String column, String expected, List<Problem> found,
            JsonArrayReader<T> reader) {
        if (cell.text().isBlank()) {
            return Optional.empty();
        }
        String problem;
        try {
            JsonNode node = JSON.readTree(cell.text());
            if (node != null && node.isArray()) {
                List<T> values = new ArrayList<>();
                String wrong = reader.read(node, values);
                if (wrong == null) {
                    return Optional.of(values);
                }
                problem = wrong;
            } else {
                problem = "it is not a JSON array";
            }
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            problem = "it is not valid JSON (" + (cut < 0 ? message : message.substring(0, cut)).strip() + ")";
        }
        found.add(Problem.error(file, cell.line(), cell.column(), "\"" + column + "\" should be a JSON array of "
                + expected + ", but " + problem + "; this row is graded without it."));
        return Optional.empty();
    }

    /** Adds the array's values to {@code into}; returns what is wrong with it, or null. */
    private interface JsonArrayReader<T> {
        String read(JsonNode array, List<T> into);
    }

    private static String alternatives(JsonNode array, List<String> into) {
        for (JsonNode item : array) {
            if (!item.isValueNode() || item.isNull()) {
                return "it holds " + item;
            }
            into.add(item.asText());
        }
        return null;
    }

    private static String keyPoints(JsonNode array, List<KeyPoint> into) {
        for (JsonNode item : array) {
            if (item.isTextual()) {
                into.add(new KeyPoint(item.asText(), List.of()));
            } else if (item.isObject() && item.path("text").isTextual() && !item.path("text").asText().isBlank()) {
                List<String> accepted = new ArrayList<>();
                JsonNode accept = item.path("accept");
                if (!accept.isMissingNode() && !accept.isNull()) {
                    if (!accept.isArray()) {
                        return "the \"accept\" of " + item + " is not an array";
                    }
                    for (JsonNode a : accept) {
                        if (!a.isTextual()) {
                            return "the \"accept\" of " + item + " holds " + a;
                        }
                        accepted.add(a.asText());
                    }
                }
                into.add(new KeyPoint(item.get("text").asText(), accepted));
            } else {
                return "it holds " + item;
            }
        }
        return null;
    }
}
