package dev.lectern.search;

/** What a search hit points at: a reading or a question of a set. */
public enum HitKind {
    READING, QUESTION
}
