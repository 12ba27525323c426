package dev.lectern.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.store.Progress;
import dev.lectern.ui.transfer.ReportingProgress;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The classes that wrap a {@link Progress} pass every method on: a default method left to the interface would answer
 * for the wrapper, not for the store inside (an undo the store can do would be refused, backups listed as none).
 */
class ProgressWrappersTest {

    /** Defaults that only call other methods of the interface, so the wrapper's own versions of those answer. */
    private static final Set<String> BUILT_ON_OTHERS = Set.of("record", "allReviews");

    private static List<String> notPassedOn(Class<?> wrapper) throws NoSuchMethodException {
        List<String> missing = new ArrayList<>();
        for (Method m : Progress.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || BUILT_ON_OTHERS.contains(m.getName())) {
                continue;
            }
            Method found = wrapper.getMethod(m.getName(), m.getParameterTypes());
            if (found.getDeclaringClass() != wrapper) {
                missing.add(m.getName());
            }
        }
        return missing;
    }

    @Test
    void theOpeningProgressOfTheAppPassesEveryMethodOnToTheStore() throws Exception {
        assertThat(notPassedOn(Class.forName("dev.lectern.app.OpeningProgress"))).isEmpty();
    }

    @Test
    void theReportingProgressOfTheDialogsPassesEveryMethodOn() throws Exception {
        assertThat(notPassedOn(ReportingProgress.class)).isEmpty();
    }
}
