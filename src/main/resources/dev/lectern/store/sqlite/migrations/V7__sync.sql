-- Version 7: progress synced through a shared folder. Every review gets a globally unique id: the device that made it
-- and its place in that device's own sequence. The device id of this database is made here, once (random), and kept
-- in the setting table. Card states are replayed from the merged log by time, then device, then sequence: the same
-- order on every device that holds the same reviews.

ALTER TABLE review ADD COLUMN device TEXT;
ALTER TABLE review ADD COLUMN seq INTEGER;

INSERT OR IGNORE INTO setting (key, value) VALUES ('device', lower(hex(randomblob(8))));

-- The log is append-only; this one upgrade gives the reviews already in it their ids.
DROP TRIGGER review_no_update;

UPDATE review SET device = (SELECT value FROM setting WHERE key = 'device'), seq = id;

CREATE TRIGGER review_no_update BEFORE UPDATE ON review
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only: a review cannot be changed');
END;

CREATE UNIQUE INDEX review_origin ON review (device, seq);

-- Renames get an id of the same kind, so each is taken in once from another device.
ALTER TABLE card_rename ADD COLUMN device TEXT;
ALTER TABLE card_rename ADD COLUMN seq INTEGER;

DROP TRIGGER card_rename_no_update;

UPDATE card_rename SET device = (SELECT value FROM setting WHERE key = 'device'), seq = id;

CREATE UNIQUE INDEX card_rename_origin ON card_rename (device, seq);

CREATE TRIGGER card_rename_no_update BEFORE UPDATE ON card_rename
BEGIN
    SELECT RAISE(ABORT, 'renames are append-only: a rename cannot be changed');
END;

-- The files of the sync folder taken in whole (a file of another device is never taken in twice), and what this
-- device has sent to each folder (place), by kind of record.
CREATE TABLE sync_file (
    device TEXT    NOT NULL,
    name   TEXT    NOT NULL,
    lines  INTEGER NOT NULL,
    PRIMARY KEY (device, name)
) WITHOUT ROWID;

CREATE TABLE sync_sent (
    place TEXT    NOT NULL,
    kind  TEXT    NOT NULL,
    mark  INTEGER NOT NULL,
    PRIMARY KEY (place, kind)
) WITHOUT ROWID;
