-- Version 6: which drills reschedule is a setting (Review Settings: practice, exams, flashcards), recorded here. Every
-- drill counted before, and still does until the student says otherwise, so no schedule changes by the upgrade.

INSERT OR REPLACE INTO setting (key, value) VALUES ('rescheduling', 'review,practice,exam,flashcard');
