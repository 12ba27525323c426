package dev.lectern.ui.drill;

import dev.lectern.course.KeyPoint;
import dev.lectern.grading.Grade;
import dev.lectern.grading.KeyPointResult;
import dev.lectern.grading.Signal;
import dev.lectern.grading.Verdict;
import dev.lectern.ui.Styles;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * What a graded answer shows in practice and in review: the verdict and score, the explanation, the answer with the
 * key points' evidence highlighted, each key point covered ✓, missed ✗ or contradicted ✗ with its reason, and a
 * collapsed "Details" pane with the grader's signals. Node ids start with the drill's prefix ("practiceVerdict").
 */
public final class GradeFeedback {

    private final Label verdict = new Label();
    private final Label score = new Label();
    private final Label explanation = new Label();
    private final TextFlow highlighted = new TextFlow();
    private final VBox keyPoints = new VBox(2);
    private final GridPane signals = new GridPane();
    private final VBox judgement;
    private final TitledPane details;

    /** @param ids the prefix of the node ids, e.g. "practice" */
    public GradeFeedback(String ids) {
        verdict.setId(ids + "Verdict");
        verdict.getStyleClass().add(Styles.VERDICT);
        score.setId(ids + "Score");
        score.getStyleClass().add(Styles.SCORE);
        explanation.setWrapText(true);
        highlighted.setId(ids + "Highlighted");
        keyPoints.setId(ids + "KeyPoints");
        judgement = new VBox(8, new HBox(16, verdict, score), explanation, DrillLayout.section("Your answer"),
                highlighted, DrillLayout.section("Key points"), keyPoints);

        signals.setId(ids + "Signals");
        signals.getStyleClass().add(Styles.SIGNAL_TABLE);
        details = new TitledPane("Details: the grader's signals", signals);
        details.setId(ids + "Details");
        details.setExpanded(false);
        details.setAnimated(false);
    }

    /** The verdict, score, explanation, highlighted answer and key points. */
    public VBox judgement() {
        return judgement;
    }

    /** The grader's signals, collapsed. */
    public TitledPane details() {
        return details;
    }

    /**
     * Shows {@code grade} of the answer {@code given}; without a grade, {@code ungraded} stands for the verdict and
     * the key points a good answer covers ({@code expected}) are listed for the student to compare.
     */
    public void show(Grade grade, String given, List<KeyPoint> expected, String ungraded) {
        verdict.getStyleClass().removeAll(Stream.of(Verdict.values()).map(Styles::verdict).toList());
        highlighted.getChildren().clear();
        keyPoints.getChildren().clear();
        signals.getChildren().clear();
        if (grade == null) {
            verdict.setText(ungraded);
            score.setText("");
            explanation.setText("");
        } else {
            verdict.setText(capitalised(grade.verdict().label()));
            verdict.getStyleClass().add(Styles.verdict(grade.verdict()));
            score.setText("Score " + grade.score() + " / 100");
            explanation.setText(grade.explanation());
        }
        for (AnswerHighlights.Part part : AnswerHighlights.of(given, grade)) {
            Text text = new Text(part.text());
            text.getStyleClass().add(part.highlighted() ? Styles.ANSWER_EVIDENCE : Styles.ANSWER_TEXT);
            highlighted.getChildren().add(text);
        }
        if (given.isBlank()) {
            Text none = new Text("(no answer)");
            none.getStyleClass().add(Styles.ANSWER_TEXT);
            highlighted.getChildren().add(none);
        }
        if (grade == null || grade.keyPoints().isEmpty()) {
            // Nothing was judged point by point: list what a good answer covers, for the student to compare.
            if (expected.isEmpty()) {
                keyPoints.getChildren().add(new Label("This question lists no key points."));
            }
            for (KeyPoint k : expected) {
                Label point = new Label("• " + k.text());
                point.setWrapText(true);
                keyPoints.getChildren().add(point);
            }
        } else {
            for (KeyPointResult k : grade.keyPoints()) {
                keyPoints.getChildren().add(keyPoint(k));
            }
        }
        showSignals(grade);
    }

    private static Label keyPoint(KeyPointResult k) {
        Label point = new Label((k.covered() ? "✓ " : "✗ ") + k.keyPoint().text()
                + (k.contradicted() ? " \u2014 contradicted: " + k.reason() : ""));
        point.setWrapText(true);
        point.getStyleClass().add(k.covered() ? Styles.KEY_POINT_COVERED : Styles.KEY_POINT_MISSED);
        point.setTooltip(new Tooltip((k.covered() ? "Covered" : k.contradicted() ? "Contradicted" : "Missed")
                + String.format(Locale.ROOT, ", similarity %.2f", k.similarity())));
        return point;
    }

    private void showSignals(Grade grade) {
        if (grade == null || grade.signals().isEmpty()) {
            signals.add(new Label("The grader reported no signals for this answer."), 0, 0);
            return;
        }
        signals.addRow(0, heading("Signal"), heading("Value"), heading("Contribution"), heading("Meaning"));
        int row = 1;
        for (Signal s : grade.signals()) {
            Label name = new Label(s.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setTooltip(new Tooltip(s.description()));
            Label meaning = new Label(s.description());
            meaning.setWrapText(true);
            Label value = new Label(String.format(Locale.ROOT, "%.3f", s.value()));
            value.setMinWidth(Region.USE_PREF_SIZE);
            Label contribution = new Label(String.format(Locale.ROOT, "%+.3f", s.contribution()));
            contribution.setMinWidth(Region.USE_PREF_SIZE);
            signals.addRow(row++, name, value, contribution, meaning);
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.SIGNAL_HEADING);
        return label;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
