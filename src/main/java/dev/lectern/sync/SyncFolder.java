package dev.lectern.sync;

import dev.lectern.files.AtomicFiles;
import dev.lectern.store.SharedHistory;
import dev.lectern.store.SharedHistory.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A course's part of a sync folder: {@code lectern-sync/<course-id>/<device-id>/}, one folder a device, in which only
 * that device writes, each file once and whole (written beside its name and renamed into it). Files are read line by
 * line: a damaged line is reported and left out, the lines before and after it are taken in.
 */
final class SyncFolder {

    static final String ROOT = "lectern-sync";
    static final Pattern DEVICE = Pattern.compile("[0-9a-f]{16}");
    static final Pattern FILE = Pattern.compile("\\d{13}-[0-9a-f]{8}\\.jsonl");
    private static final Pattern COURSE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** Damaged lines reported one by one in a file; the rest are counted. */
    private static final int TOLD_PER_FILE = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the folder held that this device does not have whole yet. */
    record Read(List<Object> records, List<WholeFile> whole, List<String> problems, int files, Set<String> devices) {
    }

    private final Path folder;
    private final String course;
    private final Path courseDir;
    private final Runnable betweenFiles;

    SyncFolder(Path folder, String course, Runnable betweenFiles) {
        if (!COURSE.matcher(course).matches()) {
            throw new IllegalArgumentException("\"" + course + "\" is not a course id a folder can be named by");
        }
        this.folder = folder.toAbsolutePath().normalize();
        this.course = course;
        this.courseDir = this.folder.resolve(ROOT).resolve(course);
        this.betweenFiles = betweenFiles;
    }

    Path folder() {
        return folder;
    }

    /** This device's own folder in it. */
    Path own(String device) {
        return courseDir.resolve(device);
    }

    /** The sync folder must be there (a drive not mounted, a folder moved away): nothing is synced otherwise. */
    void checkThere() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not there (a drive not mounted, a folder moved?); nothing was synced.");
        }
    }

    /** Reads every device's files that this database has not taken in whole, this device's own included. */
    Read read(SharedHistory shared) throws IOException {
        List<Object> records = new ArrayList<>();
        List<WholeFile> whole = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> devices = new java.util.TreeSet<>();
        int files = 0;
        if (!Files.isDirectory(courseDir)) {
            checkThere();
            return new Read(records, whole, problems, 0, devices);
        }
        for (Path dir : list(courseDir)) {
            String name = dir.getFileName().toString();
            if (name.startsWith(".") || !Files.isDirectory(dir)) {
                continue;
            }
            if (!DEVICE.matcher(name).matches()) {
                problems.add(shown(dir) + ": not a device's folder (a copy the sync tool made of one?); skipped.");
                continue;
            }
            devices.add(name);
            Set<String> taken = shared.wholeFiles(name);
            for (Path file : list(dir)) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(".") || taken.contains(fileName)) {
                    continue; // A dot file is a file still being written (AtomicFiles).
                }
                if (!FILE.matcher(fileName).matches() || !Files.isRegularFile(file)) {
                    problems.add(shown(file) + ": not a file Lectern wrote (a \"conflicted copy\" or other copy the"
                            + " sync tool made, or another program's); skipped.");
                    continue;
                }
                betweenFiles.run();
                files++;
                readFile(file, name, records, problems).ifPresent(whole::add);
            }
        }
        return new Read(records, whole, problems, files, devices);
    }

    /** Reads one file of {@code device}'s; the file when it was whole and sound. */
    private Optional<WholeFile> readFile(Path file, String device, List<Object> records, List<String> problems)
            throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int told = 0;
        int bad = 0;
        int items = 0;
        Optional<Segment.End> end = Optional.empty();
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        List<String> said = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            int number = i + 1;
            String problem = null;
            boolean last = i == count - 1;
            if (line.isBlank() && !(last && !text.endsWith("\n"))) {
                continue;
            }
            if (last && !text.endsWith("\n")) {
                problem = "the file is cut off in this line (still being copied, or its writer stopped); the line is"
                        + " left out and the file read again at the next sync";
            } else if (end.isPresent()) {
                problem = "a line after the file's closing line; left out";
            } else {
                try {
                    Segment.Line read = Segment.read(line);
                    if (read instanceof Segment.Heading h) {
                        if (number != 1) {
                            problem = "a heading inside the file; left out";
                        } else if (h.format() > Segment.FORMAT) {
                            problems.add(shown(file) + ":1: written by a newer Lectern (format " + h.format()
                                    + "); the file is skipped.");
                            return Optional.empty();
                        } else if (!h.device().equals(device) || !h.course().equals(course)) {
                            problem = "the file says it is device " + h.device() + "'s of course " + h.course()
                                    + ", not of the folder it is in; it is skipped";
                            problems.add(shown(file) + ":1: " + problem + ".");
                            return Optional.empty();
                        }
                    } else if (read instanceof Segment.End e) {
                        end = Optional.of(e);
                    } else if (read instanceof Segment.Item item) {
                        Optional<String> by = Segment.deviceOf(item.record());
                        if (by.isPresent() && !by.get().equals(device)) {
                            problem = "the record is device " + by.get() + "'s, not this folder's; left out";
                        } else {
                            records.add(item.record());
                            items++;
                        }
                    }
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage() + "; the line is left out";
                }
            }
            if (problem != null) {
                bad++;
                if (told++ < TOLD_PER_FILE) {
                    said.add(shown(file) + ":" + number + ": " + problem + ".");
                }
            }
        }
        if (bad > TOLD_PER_FILE) {
            said.add(shown(file) + ": and " + (bad - TOLD_PER_FILE) + " more damaged lines, left out.");
        }
        if (bytes.length == 0) {
            said.add(shown(file) + ":1: the file is empty (still being copied?); it is read again at the next sync.");
        } else if (end.isEmpty() && bad == 0) {
            said.add(shown(file) + ":" + (count + 1) + ": the file ends before its closing line (cut off while it was"
                    + " written or copied); the records before are taken in, the file is read again at the next"
                    + " sync.");
        } else if (end.isPresent() && end.get().records() != items && bad == 0) {
            said.add(shown(file) + ": the closing line counts " + end.get().records() + " records, the file holds "
                    + items + "; they are taken in, the file is read again at the next sync.");
        }
        problems.addAll(said);
        return said.isEmpty() ? Optional.of(new WholeFile(device, file.getFileName().toString(), count))
                : Optional.empty();
    }

    /** Writes a new file of {@code device}'s, whole or not at all; returns its name. */
    WholeFile write(String device, byte[] content, long now) throws IOException {
        checkThere();
        String name = String.format(java.util.Locale.ROOT, "%013d-%08x.jsonl", now, RANDOM.nextInt());
        Path target = own(device).resolve(name);
        if (Files.exists(target)) {
            throw new IOException(target + " is there already; nothing was written over it.");
        }
        AtomicFiles.write(target, content);
        int lines = (int) new String(content, StandardCharsets.UTF_8).chars().filter(ch -> ch == '\n').count();
        return new WholeFile(device, name, lines);
    }

    /** A path as the report shows it: from the sync folder down. */
    String shown(Path p) {
        return folder.relativize(p).toString().replace('\\', '/');
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}
