-- Version 5: a rating taken back (Ctrl+Z in review and flashcards, u at the CLI) is recorded here; the review log
-- stays append-only. A review listed here no longer counts: kept_review is the log without them, and card states are
-- rebuilt from it.

CREATE TABLE review_undo (
    id        INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL UNIQUE REFERENCES review (id),
    at        INTEGER NOT NULL                 -- epoch milliseconds
);

CREATE TRIGGER review_undo_no_update BEFORE UPDATE ON review_undo
BEGIN
    SELECT RAISE(ABORT, 'undos are append-only: an undo cannot be changed');
END;

CREATE TRIGGER review_undo_no_delete BEFORE DELETE ON review_undo
BEGIN
    SELECT RAISE(ABORT, 'undos are append-only: an undo cannot be deleted');
END;

CREATE VIEW kept_review AS
    SELECT * FROM review WHERE id NOT IN (SELECT review_id FROM review_undo);
