package dev.lectern.ui.shell;

import dev.lectern.ui.drill.Drill;
import dev.lectern.ui.drill.DrillView;
import dev.lectern.ui.drill.exam.ExamHistoryView;
import dev.lectern.ui.drill.exam.ExamHistoryViewModel;
import dev.lectern.ui.drill.exam.ExamView;
import dev.lectern.ui.drill.exam.ExamViewModel;
import dev.lectern.ui.drill.flashcards.FlashcardView;
import dev.lectern.ui.drill.flashcards.FlashcardViewModel;
import dev.lectern.ui.drill.practice.PracticeView;
import dev.lectern.ui.drill.practice.PracticeViewModel;
import dev.lectern.ui.drill.review.ReviewView;
import dev.lectern.ui.drill.review.ReviewViewModel;
import dev.lectern.ui.editor.Editor;
import dev.lectern.ui.editor.EditorView;
import dev.lectern.ui.editor.questionset.QuestionSetEditorView;
import dev.lectern.ui.editor.questionset.QuestionSetEditorViewModel;
import dev.lectern.ui.editor.reading.ReadingEditorView;
import dev.lectern.ui.editor.reading.ReadingEditorViewModel;
import dev.lectern.ui.statistics.StatisticsView;
import dev.lectern.ui.statistics.StatisticsViewModel;
import java.util.function.Consumer;

/** Makes the view of each mode shown in place of the reading: a drill (or statistics) or an editor. */
final class ModeViews {

    private final Consumer<String> openLink;
    private final Runnable closeDrill;

    ModeViews(Consumer<String> openLink, Runnable closeDrill) {
        this.openLink = openLink;
        this.closeDrill = closeDrill;
    }

    DrillView drillView(Drill drill) {
        if (drill instanceof PracticeViewModel practice) {
            return new PracticeView(practice, openLink, closeDrill);
        } else if (drill instanceof FlashcardViewModel cards) {
            return new FlashcardView(cards, openLink, closeDrill);
        } else if (drill instanceof ExamViewModel exam) {
            return new ExamView(exam, openLink, closeDrill);
        } else if (drill instanceof ExamHistoryViewModel history) {
            return new ExamHistoryView(history);
        } else if (drill instanceof ReviewViewModel review) {
            return new ReviewView(review, openLink, closeDrill);
        } else if (drill instanceof StatisticsViewModel stats) {
            return new StatisticsView(stats);
        }
        throw new IllegalArgumentException("no view for " + drill.getClass().getSimpleName());
    }

    EditorView editorView(Editor editor) {
        if (editor instanceof QuestionSetEditorViewModel set) {
            return new QuestionSetEditorView(set, openLink);
        } else if (editor instanceof ReadingEditorViewModel reading) {
            return new ReadingEditorView(reading, openLink);
        }
        throw new IllegalArgumentException("no view for " + editor.getClass().getSimpleName());
    }
}
