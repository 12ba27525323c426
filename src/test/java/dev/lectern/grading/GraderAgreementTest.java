package dev.lectern.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Agreement with people on 1,485 human-judged answers (a sixth of the SemEval-2013 development data), so that a
 * change that hurts grading fails the build. The floors sit just under what the calibrated grader reaches
 * (accuracy 0.738, weighted F1 0.736, ROC AUC 0.811 on this sample); the held-out-question figures, which are
 * what counts for unseen questions, come from {@code lectern calibrate}.
 */
class GraderAgreementTest {

    @Test
    void devSetAgreementStaysAtTheCalibratedLevel() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("semeval2013-sample.csv");
             MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(1485);
        ObjectMapper json = new ObjectMapper();
        StandardGrader grader = Graders.standard();
        boolean[] gold = new boolean[rows.size()];
        boolean[] predicted = new boolean[rows.size()];
        double[] scores = new double[rows.size()];
        IntStream.range(0, rows.size()).parallel().forEach(i -> {
            Map<String, String> r = rows.get(i);
            try {
                AnswerKey key = new AnswerKey(r.get("question"), r.get("reference_answer"),
                        List.of(json.readValue(r.get("alternative_answers"), String[].class)), List.of());
                Grade g = grader.grade(key, r.get("student_answer"));
                gold[i] = r.get("label").equals("correct");
                predicted[i] = g.verdict() == Verdict.CORRECT;
                scores[i] = g.score();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(Agreement.accuracy(gold, predicted)).isGreaterThanOrEqualTo(0.725);
        assertThat(Agreement.weightedF1(gold, predicted)).isGreaterThanOrEqualTo(0.725);
        assertThat(Agreement.rocAuc(gold, scores)).isGreaterThanOrEqualTo(0.80);
    }
}
