package dev.lectern.course.edit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link KilledSaveTest}: saves a large question set over and over, alternating between
 * two versions, and says {@code saved N} after each save, until it is killed.
 */
public final class SaveChild {

    private SaveChild() {
    }

    /** Version {@code n % 2} of the large set: about 1.5 MB of valid JSON. */
    static byte[] version(int n) {
        StringBuilder out = new StringBuilder("{\n  \"id\": \"big\",\n  \"title\": \"Version ").append(n % 2)
                .append("\",\n  \"readings\": [\n    \"good\"\n  ],\n  \"questions\": [\n");
        int count = 3000;
        for (int i = 0; i < count; i++) {
            out.append("    {\n      \"id\": \"q").append(i).append("\",\n      \"prompt\": \"Question ").append(i)
                    .append(" of version ").append(n % 2).append("?\",\n      \"referenceAnswer\": \"")
                    .append(("Answer " + i + " of version " + n % 2 + ". ").repeat(12).strip())
                    .append("\"\n    }").append(i + 1 < count ? ",\n" : "\n");
        }
        return out.append("  ]\n}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        Path course = Path.of(args[0]);
        Path file = course.resolve("questions/big.json");
        CourseFileStore store = new CourseFileStore(course, 2, java.time.Clock.systemUTC());
        byte[][] versions = {version(0), version(1)};
        var out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        for (int n = 1; ; n++) {
            store.overwrite(file, versions[n % 2]);
            out.println("saved " + n);
        }
    }
}
