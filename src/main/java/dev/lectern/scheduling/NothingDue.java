package dev.lectern.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What to tell a student when a review finds nothing due: when the next review is, and when new questions come. */
public final class NothingDue {

    private NothingDue() {
    }

    /**
     * "Nothing is due for Week 3. The next review is due in 3h. 5 new questions tomorrow (today's limit of 20 is
     * reached)." Pure: meant for when {@link DueQueue#build} gave nothing for {@code cards}.
     */
    public static String describe(String scope, Collection<CardKey> cards, Map<CardKey, CardState> states,
            Instant now, SchedulerSettings settings) {
        StringBuilder text = new StringBuilder("Nothing is due for ").append(scope).append('.');
        Optional<Instant> nextDue = cards.stream().map(states::get)
                .filter(s -> s != null && !s.isNew() && s.due().isPresent()).map(s -> s.due().get())
                .min(Instant::compareTo);
        nextDue.ifPresent(d -> text.append(" The next review is due in ")
                .append(IntervalText.of(Duration.between(now, d))).append('.'));
        long unseen = cards.stream().filter(k -> states.get(k) == null || states.get(k).isNew()).count();
        if (unseen > 0 && settings.newPerDay() > 0) {
            long tomorrow = Math.min(unseen, settings.newPerDay());
            text.append(' ').append(tomorrow).append(tomorrow == 1 ? " new question" : " new questions")
                    .append(" tomorrow (today's limit of ").append(settings.newPerDay()).append(" is reached).");
        } else if (unseen > 0) {
            text.append(" New questions are off (0 a day in the review settings).");
        } else if (nextDue.isEmpty()) {
            text.append(" There are no questions to review.");
        }
        return text.toString();
    }
}
