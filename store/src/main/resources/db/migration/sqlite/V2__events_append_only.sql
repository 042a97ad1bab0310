-- Refuse accidental edits of the journal. Someone with DDL rights can drop these; the hash chain
-- (JournalVerifier) still catches what they change.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
