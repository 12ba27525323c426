package dev.lectern.pdf;

import dev.lectern.course.load.ImagePaths;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.pdf.PdfFonts.Face;
import dev.lectern.pdf.Typesetter.Run;
import dev.lectern.render.AnswerRenderer;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An exam report: the total, then each question with the answer given, its score and verdict, the grader's
 * explanation, the key points covered and missed, and the reference answer. An exam not marked yet shows the answers
 * given so far and says it is not marked.
 */
final class ExamReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final Typesetter out;
    private final MarkdownText markdown;
    private final Path courseRoot;
    private final ZoneId zone;

    ExamReport(Typesetter out, MarkdownText markdown, Path courseRoot, ZoneId zone) {
        this.out = out;
        this.markdown = markdown;
        this.courseRoot = courseRoot;
        this.zone = zone;
    }

    void write(Exam exam, String courseTitle) throws IOException {
        out.heading("Exam report: " + exam.title(), 1);
        if (!courseTitle.isBlank()) {
            out.paragraph(List.of(Run.italic(courseTitle)), 0, 11f);
        }
        out.paragraph(List.of(Run.bold("Started: "), Run.of(WHEN.format(exam.startedAt().atZone(zone)))), 0,
                Typesetter.BODY);
        if (exam.finishedAt().isPresent()) {
            out.paragraph(List.of(Run.bold("Finished: "), Run.of(WHEN.format(exam.finishedAt().get().atZone(zone)))),
                    0, Typesetter.BODY);
        }
        out.paragraph(List.of(Run.bold("Time used: "), Run.of(AnswerRenderer.clock(exam.usedBefore())
                + exam.timeLimit().map(l -> " of " + AnswerRenderer.clock(l)).orElse(""))), 0, Typesetter.BODY);
        out.paragraph(List.of(Run.bold("Questions: "), Run.of(exam.size() + ", " + exam.answeredCount()
                + " answered")), 0, Typesetter.BODY);
        out.space(4f);
        if (exam.isFinished()) {
            out.paragraph(List.of(Run.bold("Total: " + AnswerRenderer.describe(exam.total()))), 0, 12f);
        } else {
            out.paragraph(List.of(Run.bold("This exam is not finished, so it is not marked yet.")), 0, 12f);
        }
        out.rule();
        for (int i = 0; i < exam.size(); i++) {
            question(exam, i);
        }
    }

    private void question(Exam exam, int i) throws IOException {
        DrillItem item = exam.questions().get(i);
        Path base = baseDir(item);
        out.space(8f);
        List<Run> prompt = markdown.inline(item.question().prompt(), base, Face.BOLD);
        out.keepWithNext(() -> {
            out.item((i + 1) + ".", prompt, 0, 11f);
            out.paragraph(List.of(Run.italic(item.set().title())), 18f, Typesetter.SMALL);
        });
        Grade grade = exam.isFinished() ? exam.grades().get(i) : null;
        if (grade != null) {
            out.space(2f);
            out.paragraph(List.of(Run.bold("Score: "), Run.of(grade.score() + " / 100 · "),
                    Run.bold(capitalised(grade.verdict().label()))), 18f, Typesetter.BODY);
            if (!grade.explanation().isBlank()) {
                out.paragraph(List.of(Run.italic(grade.explanation())), 18f, Typesetter.BODY);
            }
        }
        out.space(3f);
        out.keepWithNext(() -> out.paragraph(List.of(Run.bold("Your answer")), 18f, Typesetter.BODY));
        String answer = exam.answers().get(i);
        if (answer.isBlank()) {
            out.paragraph(List.of(Run.italic("No answer given.")), 28f, Typesetter.BODY);
        } else {
            for (String line : answer.strip().split("\\R")) {
                out.paragraph(List.of(Run.of(line)), 28f, Typesetter.BODY);
            }
        }
        if (grade != null && !grade.keyPoints().isEmpty()) {
            out.space(3f);
            out.keepWithNext(() -> out.paragraph(List.of(Run.bold("Key points")), 18f, Typesetter.BODY));
            for (KeyPointResult k : grade.keyPoints()) {
                out.item(k.covered() ? "✓" : "✗", List.of(Run.of(k.keyPoint().text()),
                        Run.italic(k.covered() ? "  (covered)" : "  (missed)")), 28f, Typesetter.BODY);
            }
        }
        out.space(3f);
        out.keepWithNext(() -> out.paragraph(List.of(Run.bold("Reference answer")), 18f, Typesetter.BODY));
        markdown.write(item.question().referenceAnswer(), base, 28f);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private Path baseDir(DrillItem item) {
        return ImagePaths.questionFolder(courseRoot, item.set(), item.question());
    }
}
