package dev.lectern.course;

import java.util.List;

/** Something a good answer must cover: a short phrase, and other phrasings that count as the same point. */
public record KeyPoint(String text, List<String> accepted) {
    public KeyPoint {
        accepted = List.copyOf(accepted);
    }
}
