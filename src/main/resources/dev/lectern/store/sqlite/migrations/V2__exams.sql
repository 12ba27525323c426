-- Version 2: exams move from JSON files under exams/ into the database (the files are imported by Lectern
-- itself, right after this script, in the same transaction).

CREATE TABLE exam (
    id          TEXT    PRIMARY KEY,
    title       TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,                  -- epoch milliseconds
    finished_at INTEGER,                           -- epoch milliseconds; NULL while unfinished
    payload     TEXT    NOT NULL                   -- the exam as JSON, in the format of ExamFile
) WITHOUT ROWID;

CREATE INDEX exam_started ON exam (started_at);
