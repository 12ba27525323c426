-- Version 1: the review log, the card states derived from it, and the scheduler's settings.

-- 'LCTN': marks the file as Lectern's progress database.
PRAGMA application_id = 1279480910;

-- Append only: every review ever made. Card state is a function of these rows alone.
CREATE TABLE review (
    id          INTEGER PRIMARY KEY,
    set_id      TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    at          INTEGER NOT NULL,                  -- epoch milliseconds
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    score       INTEGER,                           -- the grader's 0-100, when an answer was graded
    verdict     TEXT,                              -- correct, partial or incorrect, when an answer was typed
    answer      TEXT    NOT NULL DEFAULT '',
    taken_ms    INTEGER NOT NULL DEFAULT 0,
    mode        TEXT    NOT NULL                   -- practice, flashcard, exam or review
);

CREATE INDEX review_card ON review (set_id, question_id, at);
CREATE INDEX review_at ON review (at);

CREATE TRIGGER review_no_update BEFORE UPDATE ON review
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only: a review cannot be changed');
END;

CREATE TRIGGER review_no_delete BEFORE DELETE ON review
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only: a review cannot be deleted');
END;

-- A cache of each card's FSRS state after its reviews; `lectern store rebuild` recomputes it from the log.
CREATE TABLE card (
    set_id      TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    phase       TEXT    NOT NULL,                  -- new, learning, review or relearning
    step        INTEGER NOT NULL,
    stability   REAL    NOT NULL,
    difficulty  REAL    NOT NULL,
    due         INTEGER,                           -- epoch milliseconds
    last_review INTEGER,                           -- epoch milliseconds
    reps        INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    PRIMARY KEY (set_id, question_id)
) WITHOUT ROWID;

CREATE INDEX card_due ON card (due);

-- The scheduler's settings, one per key; keys that are missing take their default.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
