-- Issue 14: the analyser finds out from a letter's text what kind of letter it is. Receipts (kvitteringer) are a kind
-- of their own, so a template can be one; the batch audit stores the kind each letter was checked as.
ALTER TABLE letter_template DROP CONSTRAINT letter_template_category_check;
ALTER TABLE letter_template ADD CONSTRAINT letter_template_category_check
  CHECK (category IN ('DECISION', 'INVITATION', 'INFORMATION', 'CONSULTATION', 'RECEIPT', 'SYSTEM'));

-- NULL for rows stored before this version and for files that could not be read.
ALTER TABLE letter_audit_row ADD COLUMN kind TEXT;
