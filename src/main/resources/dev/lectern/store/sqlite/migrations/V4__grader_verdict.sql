-- Version 4: a typed answer's review keeps the grader's own verdict beside the one that counted, so a student's
-- override ("Mark correct" after the grader said partial) is kept with the answer. For this student, the grader later
-- compares new answers to the same question with these, as judged examples. Reviews from before stay without one.

ALTER TABLE review ADD COLUMN grader_verdict TEXT;
