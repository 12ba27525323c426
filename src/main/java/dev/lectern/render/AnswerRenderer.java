package dev.lectern.render;

import dev.lectern.course.load.ImagePaths;
import dev.lectern.grading.Grade;
import dev.lectern.study.DrillItem;
import dev.lectern.study.Exam;
import dev.lectern.study.ExamTotal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Renders what the drills show as HTML documents styled like the readings: a question's reference answer, and a
 * marked exam's results page.
 */
public final class AnswerRenderer {

    private final MarkdownRenderer markdown;
    private final Path courseRoot;
    private final String css;

    /** @param courseRoot the course folder; no image outside it is shown */
    public AnswerRenderer(Path courseRoot) {
        this.markdown = new MarkdownRenderer(courseRoot);
        this.courseRoot = courseRoot;
        this.css = ReadingRenderer.stylesheet();
    }

    /** The reference answer of one question as a whole document. */
    public String referenceAnswer(DrillItem item, Theme theme) {
        Document doc = page("Reference answer", theme);
        Element article = doc.body().appendElement("article").addClass("reading").addClass("drill-answer");
        moveChildren(markdown.render(item.question().referenceAnswer(), baseDir(item), "answer-"),
                article.appendElement("div").id("reference"));
        return html(doc);
    }

    /**
     * Markdown being edited (a reference answer, an abstract, notes) as a whole document styled like the readings;
     * relative image paths resolve against {@code baseDir}, the folder of the file it will be saved in.
     */
    public String preview(String markdownText, Path baseDir, Theme theme) {
        Document doc = page("Preview", theme);
        Element article = doc.body().appendElement("article").addClass("reading").addClass("drill-answer");
        moveChildren(markdown.render(markdownText, baseDir, "preview-"), article.appendElement("div").id("preview"));
        return html(doc);
    }

    /**
     * A marked exam: the total, then each question with the answer given, its score and verdict, the grader's
     * explanation, and the reference answer.
     */
    public String examResults(Exam exam, Theme theme) {
        ExamTotal total = exam.total();
        Document doc = page("Exam results", theme);
        Element article = doc.body().appendElement("article").addClass("reading").addClass("exam-results");
        Element header = article.appendElement("header").addClass("reading-header");
        header.appendElement("h1").id("title").text("Exam results: " + exam.title());
        header.appendElement("p").id("total").addClass("exam-total").text(describe(total));
        header.appendElement("p").addClass("meta").text(exam.size() + (exam.size() == 1 ? " question" : " questions")
                + " · time used "
                + clock(exam.usedBefore()) + exam.timeLimit().map(l -> " of " + clock(l)).orElse(""));
        for (int i = 0; i < exam.size(); i++) {
            DrillItem item = exam.questions().get(i);
            Grade grade = exam.grades().get(i);
            String prefix = "q" + (i + 1) + "-";
            Element section = article.appendElement("section").addClass("exam-result")
                    .addClass("verdict-" + grade.verdict().label()).id("q" + (i + 1));
            Element title = section.appendElement("h2");
            title.appendText((i + 1) + ". ");
            title.appendChildren(markdown.renderInline(item.question().prompt(), baseDir(item), prefix + "prompt-"));
            Element mark = section.appendElement("p").addClass("exam-mark");
            mark.appendElement("span").addClass("verdict").text(capitalised(grade.verdict().label()));
            mark.appendText(" · " + grade.score() + " / 100");
            if (!grade.explanation().isBlank()) {
                section.appendElement("p").addClass("explanation").text(grade.explanation());
            }
            section.appendElement("h3").text("Your answer");
            String answer = exam.answers().get(i);
            if (answer.isBlank()) {
                section.appendElement("p").addClass("given-answer").addClass("no-answer").text("No answer given.");
            } else {
                section.appendElement("blockquote").addClass("given-answer").text(answer.strip());
            }
            section.appendElement("h3").text("Reference answer");
            moveChildren(markdown.render(item.question().referenceAnswer(), baseDir(item), prefix),
                    section.appendElement("div").addClass("reference"));
        }
        return html(doc);
    }

    /** "150 of 200 points (75%) · 1 correct · 1 partial · 0 incorrect". */
    public static String describe(ExamTotal total) {
        return total.points() + " of " + total.maxPoints() + " points (" + total.percent() + "%) · " + total.correct()
                + " correct · " + total.partial() + " partial · " + total.incorrect() + " incorrect";
    }

    /** A duration as minutes and seconds, "4:05"; hours when there are any, "1:02:03". */
    public static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    private Document page(String title, Theme theme) {
        Document doc = Jsoup.parse("<!DOCTYPE html><html lang=\"en\"><head></head><body></body></html>");
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy")
                .attr("content", ReadingRenderer.CONTENT_SECURITY_POLICY);
        head.appendElement("title").text(title);
        head.appendElement("style").appendChild(new DataNode(css));
        doc.body().addClass(theme.cssClass()).addClass("drill-page");
        return doc;
    }

    private static String html(Document doc) {
        return "<!DOCTYPE html>\n" + doc.selectFirst("html").outerHtml();
    }

    private Path baseDir(DrillItem item) {
        return ImagePaths.questionFolder(courseRoot, item.set(), item.question());
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void moveChildren(Element from, Element to) {
        for (Node child : new ArrayList<>(from.childNodes())) {
            to.appendChild(child);
        }
    }
}
