package dev.lectern.interchange.qa;

import dev.lectern.course.load.Words;
import dev.lectern.interchange.ImportReport;
import dev.lectern.interchange.ImportText;
import dev.lectern.interchange.PlanBuilder;
import dev.lectern.interchange.ReadingDraft;
import dev.lectern.interchange.SetDraft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads weekly Q&A sheets: a heading per paper ("Week 8 Thursday Paper 1: title"), numbered questions, and each
 * answer after "Ans:". Each paper becomes a question set linked to the course reading whose title matches best
 * (fuzzy; the match and its score are reported). A paper that matches no reading gets a stub reading (title, week
 * and day only) so that the set loads; the report says so. Key points are proposed from each answer and the
 * question is tagged {@value PlanBuilder#PROPOSED_TAG} until the author confirms them.
 */
public final class QaImporter {

    /** Titles at least this alike are the same paper. */
    public static final double MATCH_THRESHOLD = 0.75;

    private static final Pattern PAPER = Pattern.compile("(?i)^\\s*(?:#+\\s*)?(?:week\\s*(\\d{1,2})\\s*[,\\-–]?\\s*)?"
            + "(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\s*[,\\-–]?\\s*)?"
            + "paper\\s*(\\d{1,2})\\s*[:.\\-–—]\\s*(.+)$");
    private static final Pattern QUESTION = Pattern.compile("^\\s*(?:Q(?:uestion)?\\s*)?(\\d{1,2})\\s*[.):]\\s+(.*)$");
    private static final Pattern ANSWER = Pattern.compile("(?i)(?:^|(?<=\\s))Ans(?:wer)?\\s*[:：]\\s*");

    private final PlanBuilder builder;
    private final ImportReport.Builder report;

    public QaImporter(PlanBuilder builder) {
        this.builder = builder;
        this.report = builder.report();
    }

    /** A paper heading and the questions under it, gathered as they are read. */
    private record Paper(String title, int line, OptionalInt week, String day,
            List<SetDraft.QuestionDraft> questions, List<String> discussion) {
        Paper(String title, int line, OptionalInt week, String day) {
            this(title, line, week, day, new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * A question that asks for the reader's own questions, thoughts or opinions ("What questions do you have about the
     * paper?", "Do you think it would work on video?"): no reference answer can grade it.
     */
    private static final Pattern DISCUSSION = Pattern.compile("(?i).*("
            + "\\b(what|which|any)\\s+(questions?|thoughts|comments|concerns)\\b.*\\byou|"
            + "\\byour\\s+(own\\s+)?(questions?|opinions?|thoughts|views?|takeaways?|impressions?|critique|reaction)\\b|"
            + "\\bdo\\s+you\\s+(think|agree|believe|feel|like|find|prefer)\\b|"
            + "\\bwhat\\s+do\\s+you\\s+(think|make\\s+of|like|dislike)\\b|"
            + "\\bin\\s+your\\s+(opinion|view|experience)\\b|"
            + "\\bwhat\\s+(surprised|interested|confused|excited|bothered)\\s+you\\b|"
            + "\\bhow\\s+do\\s+you\\s+feel\\b|\\bwould\\s+you\\s+(like|want|choose|use)\\b).*", Pattern.DOTALL);

    static boolean isDiscussion(String prompt) {
        return DISCUSSION.matcher(prompt).matches();
    }

    private static final class Open {
        final int number;
        final int line;
        final StringBuilder prompt = new StringBuilder();
        StringBuilder answer;
        boolean paragraphBreak;

        Open(int number, int line) {
            this.number = number;
            this.line = line;
        }
    }

    public void read(Path file, String text) {
        List<String> lines = text.lines().toList();
        List<Paper> papers = new ArrayList<>();
        Paper paper = null;
        Open open = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = ImportText.stripTags(lines.get(i)).replace('\u00a0', ' ').stripTrailing();
            if (line.isBlank()) {
                if (open != null && open.answer != null) {
                    open.paragraphBreak = true;
                }
                continue;
            }
            Matcher heading = PAPER.matcher(line);
            if (heading.matches()) {
                finish(file, open, paper);
                open = null;
                OptionalInt week = heading.group(1) == null ? OptionalInt.empty()
                        : OptionalInt.of(Integer.parseInt(heading.group(1)));
                String day = heading.group(2) == null ? ""
                        : heading.group(2).substring(0, 1).toUpperCase(Locale.ROOT)
                                + heading.group(2).substring(1).toLowerCase(Locale.ROOT);
                paper = new Paper(heading.group(4).replaceAll("\\s+", " ").strip(), lineNo, week, day);
                papers.add(paper);
                continue;
            }
            Matcher question = QUESTION.matcher(line);
            if (question.matches() && (open == null || Integer.parseInt(question.group(1)) == open.number + 1)) {
                if (paper == null) {
                    paper = new Paper(fileTitle(file), lineNo, OptionalInt.empty(), "");
                    papers.add(paper);
                    report.warning(file, lineNo, "Questions before any paper heading (\"Week 8 Thursday Paper 1:"
                            + " title\"); they make one set named after the file, \"" + paper.title() + "\".");
                }
                finish(file, open, paper);
                open = new Open(Integer.parseInt(question.group(1)), lineNo);
                take(open, question.group(2));
                continue;
            }
            if (open != null) {
                take(open, line.strip());
                continue;
            }
            report.skipped(file, lineNo, "\"" + Words.abbreviate(line) + "\" is neither a paper heading, a numbered"
                    + " question nor an answer, so it is left out.");
        }
        finish(file, open, paper);
        if (papers.isEmpty()) {
            report.skipped(file, 1, "No paper headings (\"Week 8 Thursday Paper 1: title\") or numbered questions"
                    + " were found, so this file gives no question sets.");
        }
        for (Paper p : papers) {
            if (p.questions().isEmpty()) {
                report.skipped(file, p.line(), "\"" + Words.abbreviate(p.title()) + "\" has no numbered questions with"
                        + " answers, so it gives no question set.");
                if (p.discussion().isEmpty()) {
                    continue;
                }
            }
            place(file, p);
        }
    }

    private static String fileTitle(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[-_]+", " ").strip();
    }

    /** Adds a line to the open question: to its prompt until "Ans:", then to its answer. */
    private static void take(Open open, String text) {
        if (open.answer == null) {
            Matcher ans = ANSWER.matcher(text);
            if (ans.find()) {
                append(open.prompt, text.substring(0, ans.start()).strip(), " ");
                open.answer = new StringBuilder();
                append(open.answer, text.substring(ans.end()).strip(), " ");
            } else {
                append(open.prompt, text.strip(), " ");
            }
            return;
        }
        append(open.answer, text.strip(), open.paragraphBreak ? "\n\n" : " ");
        open.paragraphBreak = false;
    }

    private static void append(StringBuilder to, String text, String separator) {
        if (text.isEmpty()) {
            return;
        }
        if (to.length() > 0) {
            to.append(separator);
        }
        to.append(text);
    }

    private void finish(Path file, Open open, Paper paper) {
        if (open == null || paper == null) {
            return;
        }
        String prompt = open.prompt.toString().strip();
        if (prompt.isEmpty()) {
            report.skipped(file, open.line, "Question " + open.number + " has no text, so it is left out.");
            return;
        }
        if (isDiscussion(prompt)) {
            paper.discussion().add(prompt);
            report.note(file, open.line, "Question " + open.number + " (\"" + Words.abbreviate(prompt) + "\") asks for the"
                    + " reader's own questions or opinions, so it becomes a discussion prompt of the reading, not a"
                    + " graded question.");
            return;
        }
        if (open.answer == null || open.answer.toString().isBlank()) {
            report.skipped(file, open.line, "Question " + open.number + " (\"" + Words.abbreviate(prompt) + "\") has no"
                    + " answer after \"Ans:\", so it is left out.");
            return;
        }
        String answer = open.answer.toString().strip();
        List<String> keyPoints = KeyPointProposer.propose(prompt, answer);
        List<String> tags = keyPoints.isEmpty() ? List.of() : List.of(PlanBuilder.PROPOSED_TAG);
        String id = String.join("-", ImportText.contentWords(prompt).stream().limit(5).toList());
        paper.questions().add(new SetDraft.QuestionDraft(ImportText.slug(id, 5), prompt, answer, keyPoints, tags,
                open.line));
    }

    private void place(Path file, Paper p) {
        SetDraft set = new SetDraft(file, p.line(), "Q&A: " + p.title(), p.title(), ImportText.slug(p.title(), 5));
        set.questions.addAll(p.questions());
        Optional<PlanBuilder.Match> match = builder.matchReading(p.title(), MATCH_THRESHOLD);
        String readingId;
        if (match.isPresent()) {
            readingId = match.get().id();
            report.note(file, p.line(), "\"" + Words.abbreviate(p.title()) + "\" is matched to the reading " + readingId
                    + " (\"" + Words.abbreviate(match.get().title()) + "\", similarity "
                    + ImportText.score(match.get().score()) + ").");
        } else {
            String closest = builder.closestReading(p.title())
                    .map(m -> " (the closest is " + m.id() + ", similarity " + ImportText.score(m.score()) + ")")
                    .orElse("");
            ReadingDraft stub = new ReadingDraft(file, p.line(), p.title());
            stub.week = p.week();
            stub.sessionLabel = p.day();
            readingId = builder.addReading(stub);
            report.warning(file, p.line(), "No reading in the course matches \"" + Words.abbreviate(p.title()) + "\""
                    + closest + ", so a stub reading " + readingId + " with just its title"
                    + (p.week().isPresent() ? " and week" : "") + " is created for the set; fill it in, or point the"
                    + " set at the right reading.");
        }
        builder.addDiscussion(readingId, p.discussion(), file, p.line());
        if (p.questions().isEmpty()) {
            return;
        }
        int proposed = (int) p.questions().stream().filter(q -> !q.keyPoints().isEmpty()).count();
        if (proposed > 0) {
            report.note(file, p.line(), "Key points were proposed for " + proposed + " of " + p.questions().size()
                    + " questions from their answers; check them, then remove the tag \"" + PlanBuilder.PROPOSED_TAG
                    + "\" from each question.");
        }
        builder.addSet(set, readingId, readingId);
    }
}
