package dev.lectern.search;

import static dev.lectern.search.TestCourses.course;
import static dev.lectern.search.TestCourses.question;
import static dev.lectern.search.TestCourses.reading;
import static dev.lectern.search.TestCourses.set;
import static dev.lectern.search.TestCourses.slide;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.course.Section;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A hit says where in the reading its snippet comes from, so that opening it can go there. */
class MatchPlaceTest {

    private static CourseIndex index;

    @BeforeAll
    static void build() {
        index = CourseIndex.build(course(
                List.of(reading("deck", "Walrus Studies", "Walrus Studies", List.of("Ada Lovelace"),
                        "An abstract about pinnipeds on ice.",
                        // The first slide is only a picture: it has no text, so it is not in the index.
                        List.of(slide("", ""), slide("Feeding", "Clams are eaten at night."),
                                slide("Diving", "Narwhals and Narwhal calves dive deeper than anyone.")),
                        "Notes on tusks.",
                        List.of(new Section("", ""), new Section("Discussion", "Would an iceberg survive summer?")))),
                List.of(set("deck-set", List.of("deck"),
                        question("q", "Why do walruses have tusks?", "To haul out.")))));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static MatchPlace placeOf(String query) {
        return index.search(query, 5).readings().get(0).place();
    }

    @Test
    void aMatchInASlideNamesThatSlideByItsPositionInTheReadingCountingPictureOnlySlides() {
        MatchPlace place = placeOf("narwhal");

        assertThat(place.part()).isEqualTo(MatchPlace.Part.SLIDE);
        assertThat(place.index()).isEqualTo(2);
        assertThat(place.words()).containsExactly("narwhals", "narwhal");
    }

    @Test
    void aMatchInASectionNamesThatSectionCountingEmptyOnes() {
        MatchPlace place = placeOf("iceberg");

        assertThat(place).isEqualTo(new MatchPlace(MatchPlace.Part.SECTION, 1, List.of("iceberg")));
    }

    @Test
    void matchesInTheAbstractAndTheNotesNameThoseParts() {
        assertThat(placeOf("pinnipeds")).isEqualTo(new MatchPlace(MatchPlace.Part.ABSTRACT, 0, List.of("pinnipeds")));
        assertThat(placeOf("tusks").part()).isEqualTo(MatchPlace.Part.NOTES);
    }

    @Test
    void aMatchOnlyInTheTitleNamesTheTitleWithTheWordsAsWrittenThere() {
        assertThat(placeOf("walrus")).isEqualTo(new MatchPlace(MatchPlace.Part.TITLE, 0, List.of("walrus")));
    }

    @Test
    void aMatchOnlyInTheAuthorsNamesNoPlace() {
        assertThat(placeOf("lovelace")).isEqualTo(MatchPlace.NONE);
    }

    @Test
    void aQuestionHitNamesNoPlaceInItsReading() {
        assertThat(index.search("haul", 5).questions()).singleElement()
                .satisfies(hit -> assertThat(hit.place()).isEqualTo(MatchPlace.NONE));
    }
}
