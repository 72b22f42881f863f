-- A staff note can be marked as an internal working note (forvaltningsloven § 23: an internal document for the
-- authority's own deliberation). Internal notes are not shown on the candidate's own pages nor in their copy of their
-- data. The default is FALSE: a note in the case file is part of the file the candidate may see (notes recording
-- facts of the case, such as what was said on the phone, are not exempt from access, and the job centre cannot tell
-- afterwards which of the existing notes were meant as internal); staff tick the box for a working note.
ALTER TABLE case_note ADD COLUMN internal BOOLEAN NOT NULL DEFAULT FALSE;
