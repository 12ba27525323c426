package dev.lectern.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.scheduling.FlashcardRating;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the order of reviews, syncs and damage, three devices that each sync twice at the end hold the same log
 * and the same card states.
 */
class SyncConvergencePropertyTest {

    /** A step: a device reviews, syncs, or (with the rest of the number) the newest file in the folder is cut off. */
    @Property(tries = 20)
    void threeDevicesConvergeAfterTheyAllSync(@ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 99) Integer> steps)
            throws IOException {
        Path tmp = Files.createTempDirectory("lectern-sync-property-");
        try {
            SyncDevices d = new SyncDevices(tmp, 3);
            int made = 0;
            Path cut = null;
            byte[] whole = null;
            for (int i = 0; i < steps.size(); i++) {
                int step = steps.get(i);
                int device = step % 3;
                if (step < 60) {
                    d.review(device, SyncDevices.QUESTIONS.get(step % 4),
                            SyncDevices.T0.plus(Duration.ofMinutes(step * 7L + i)), FlashcardRating.values()[step % 4]);
                    made++;
                } else if (step < 92) {
                    d.sync(device);
                } else if (cut == null && !d.segments().isEmpty()) {
                    cut = d.segments().get(d.segments().size() - 1);
                    whole = Files.readAllBytes(cut);
                    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
                }
            }
            if (cut != null) {
                Files.write(cut, whole);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int device = 0; device < 3; device++) {
                    d.sync(device);
                }
            }

            assertThat(List.of(d.reviewCount(0), d.reviewCount(1), d.reviewCount(2))).containsOnly(made);
            assertThat(d.cardStates(1)).isEqualTo(d.cardStates(0));
            assertThat(d.cardStates(2)).isEqualTo(d.cardStates(0));
            assertThat(d.reviews(2)).isEqualTo(d.reviews(0));
        } finally {
            SyncDevices.delete(tmp);
        }
    }
}
