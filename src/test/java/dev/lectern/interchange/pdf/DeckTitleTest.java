package dev.lectern.interchange.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which titles and author lines of a deck say something about it. */
class DeckTitleTest {

    @Test
    void titlesThatAreFileNamesToolNamesOrPlaceholdersAreNotTheDecksTitle() {
        for (String title : List.of("dit-slides", "S1-LLM", "Microsoft PowerPoint - S1-LLM.pptx", "Untitled",
                "Presentation1", "PowerPoint Presentation", "lecture_07.key", "  ")) {
            assertThat(DeckTitle.meaningful(title, "dit-slides")).as(title).isEmpty();
        }
        assertThat(DeckTitle.meaningful("Microsoft PowerPoint - Visual Instruction Tuning.pptx", "x"))
                .contains("Visual Instruction Tuning");
    }

    @Test
    void withoutAMeaningfulOwnTitleTheFirstPagesTitleThenTheFileNameIsUsed() {
        assertThat(DeckTitle.title("S1-LLM", "S1-LLM", "LLM Serving and Alignment")).isEqualTo("LLM Serving and Alignment");
        assertThat(DeckTitle.title("", "S1-LLM", "")).isEqualTo("S1-LLM");
    }

    @Test
    void aLineOfPeoplesNamesGivesTheAuthorsAndOtherLinesGiveNone() {
        assertThat(DeckTitle.names("Jane Doe¹, J. R. Smith*, and Maria de la Cruz"))
                .containsExactly("Jane Doe", "J. R. Smith", "Maria de la Cruz");
        for (String line : List.of("Multimodal Foundation Models", "Fall 2026", "Georgia Institute of Technology",
                "LLM SERVING AND", "jane@uni.edu", "Lecture 7: Vision Transformers", "Vision Language Models")) {
            assertThat(DeckTitle.names(line)).as(line).isEmpty();
        }
        assertThat(DeckTitle.authors("jdoe", List.of("Fall 2026", "Ada Lovelace"))).containsExactly("Ada Lovelace");
    }
}
