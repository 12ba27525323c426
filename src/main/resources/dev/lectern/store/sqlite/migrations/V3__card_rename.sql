-- Version 3: a question whose id was renamed in its file keeps its review history. The review log stays
-- append-only; a rename is recorded here, and reviews of the old key made before it count for the new key.

CREATE TABLE card_rename (
    id            INTEGER PRIMARY KEY,
    from_set      TEXT    NOT NULL,
    from_question TEXT    NOT NULL,
    to_set        TEXT    NOT NULL,
    to_question   TEXT    NOT NULL,
    at            INTEGER NOT NULL                 -- epoch milliseconds
);

CREATE TRIGGER card_rename_no_update BEFORE UPDATE ON card_rename
BEGIN
    SELECT RAISE(ABORT, 'renames are append-only: a rename cannot be changed');
END;

CREATE TRIGGER card_rename_no_delete BEFORE DELETE ON card_rename
BEGIN
    SELECT RAISE(ABORT, 'renames are append-only: a rename cannot be deleted');
END;
