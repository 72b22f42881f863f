-- Issue 14: the batch audit detects a letter's subject line and reports LIX for the body beside LIX for the whole
-- letter (a subject line counts as a short sentence and lowers LIX). NULL when no subject line was found.
ALTER TABLE letter_audit_row ADD COLUMN lix_body INT;
