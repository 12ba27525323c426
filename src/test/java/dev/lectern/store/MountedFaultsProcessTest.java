package dev.lectern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lectern.scheduling.ReviewRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk and a read-only data folder for real, where the machine allows it: {@link StoreChild} runs in a mount
 * namespace of its own ({@code unshare -m}, as root) on a small tmpfs, or on a read-only bind mount of the data folder
 * (which stops root too, as {@code chmod} does not). Every review it made, acknowledged or kept, is in the log after
 * the next start, and its standard error holds no stack trace.
 */
class MountedFaultsProcessTest {

    @TempDir
    Path tmp;

    private static boolean canMount() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/unshare")) || !"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        Process probe = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k none /mnt")
                .redirectErrorStream(true).start();
        return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    /** Runs {@code script} with sh in a mount namespace of its own; $JAVA and $CP start a {@link StoreChild}. */
    private void inNamespace(String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("unshare", "-m", "sh", "-e", "-c", script)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("script.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString()
                + " -Xshare:auto -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path") + " "
                + StoreChild.class.getName());
        Process p = builder.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the script ended").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("script.log"))).isZero();
    }

    private List<String> lines(String file) throws Exception {
        return Files.readAllLines(tmp.resolve(file));
    }

    private static Set<String> made(List<String> out, String prefix, String run) {
        return out.stream().filter(l -> l.startsWith(prefix)).map(l -> StoreChild.answer(run,
                Integer.parseInt(l.substring(prefix.length())))).collect(Collectors.toSet());
    }

    private void assertNoStackTrace(String... files) throws Exception {
        for (String f : files) {
            assertThat(Files.readString(tmp.resolve(f))).as(f).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void onAFullTmpfsEveryReviewMadeIsInTheLogOnceSpaceIsFreed() throws Exception {
        assumeTrue(canMount(), "needs root and unshare to mount a small tmpfs");
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        String d = data.toString();
        String t = tmp.toString();
        inNamespace("mount -t tmpfs -o size=1m none " + d + "\n"
                + "$JAVA review " + d + " pre 3 10 > " + t + "/pre.out 2> " + t + "/pre.err\n"
                + "avail=$(df --output=avail -B1 " + d + " | tail -1)\n"
                + "head -c $((avail - 96 * 1024)) /dev/zero > " + d + "/filler || true\n"
                + "$JAVA review " + d + " full 40 3000 > " + t + "/full.out 2> " + t + "/full.err\n"
                + "rm " + d + "/filler\n"
                + "$JAVA list " + d + " > " + t + "/list.out 2> " + t + "/list.err\n");

        List<String> full = lines("full.out");
        Set<String> acked = made(full, "ack ", "full");
        Set<String> kept = made(full, "kept ", "full");
        List<String> log = lines("list.out").stream().filter(l -> l.startsWith("has ")).map(l -> l.substring(4).strip())
                .toList();
        System.out.printf("fault: disk full (a 1 MB tmpfs): %d acknowledged + %d kept in a journal; %d of them in the"
                + " log after the next start%n", acked.size(), kept.size(),
                log.stream().filter(a -> a.startsWith("run full")).count());
        assertThat(kept).as("the disk filled: %s", full).isNotEmpty();
        assertThat(full).filteredOn(l -> l.startsWith("said ")).first().asString()
                .startsWith("said Your review could not be saved: the disk is full.");
        assertThat(log).containsAll(acked).containsAll(kept).doesNotHaveDuplicates();
        assertThat(lines("list.out")).anySatisfy(l -> assertThat(l).startsWith("notice ").contains("reviews that could"
                + " not be saved before are now in your progress"));
        assertNoStackTrace("pre.err", "full.err", "list.err");
    }

    @Test
    void inAReadOnlyDataFolderTheReviewsGoToTheFallbackFolderAndTheNextStartThatCanWriteImportsThem()
            throws Exception {
        assumeTrue(canMount(), "needs root and unshare to mount the data folder read-only");
        Path data = tmp.resolve("data");
        try (ProgressStore store = ProgressStore.open(data, Clock.systemUTC())) {
            store.append(Reviews.flashcard("before", "q", Reviews.T0, dev.lectern.scheduling.FlashcardRating.GOOD));
        }
        String d = data.toAbsolutePath().toString();
        String t = tmp.toString();
        inNamespace("mount --bind " + d + " " + d + "\n"
                + "mount -o remount,bind,ro " + d + "\n"
                + "$JAVA review " + d + " ro 4 10 > " + t + "/ro.out 2> " + t + "/ro.err\n");

        List<String> out = lines("ro.out");
        Set<String> kept = made(out, "kept ", "ro");
        assertThat(made(out, "ack ", "ro")).isEmpty();
        assertThat(kept).hasSize(4);
        assertThat(out).filteredOn(l -> l.startsWith("notice ")).singleElement().asString()
                .startsWith("notice " + d + " cannot be written to (read-only file system)");
        assertThat(out).filteredOn(l -> l.startsWith("said ")).allSatisfy(l -> assertThat(l)
                .startsWith("said Your review is not saved yet: " + d + " cannot be written to. ")
                .contains(" kept in " + UnsavedReviews.fallbackFolder(StoreEnvironment.standard().fallbackRoot(),
                        data.toAbsolutePath()))
                .doesNotContain("Another Lectern"));
        assertNoStackTrace("ro.err");

        List<String> log = new ArrayList<>();
        try (ProgressStore next = ProgressStore.open(data, Clock.systemUTC())) {
            next.allReviews().stream().map(ReviewRecord::answer).map(a -> a.split(" x")[0].strip()).forEach(log::add);
            assertThat(next.notices()).singleElement().asString().startsWith("4 reviews that could not be saved"
                    + " before are now in your progress");
        }
        System.out.printf("fault: data folder read-only (a read-only bind mount): 0 acknowledged + %d kept in a"
                + " journal; %d of them in the log after the next start%n", kept.size(),
                log.stream().filter(kept::contains).count());
        assertThat(log).containsAll(kept).doesNotHaveDuplicates();
    }
}
