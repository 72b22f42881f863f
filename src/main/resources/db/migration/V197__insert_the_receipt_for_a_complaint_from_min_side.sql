-- Issue 13: the receipt for a complaint the candidate starts on Min side. The system sends it (no member of staff is
-- signed in), so it is signed by the job centre rather than a caseworker. Approved as version 1, with an English text
-- for candidates who read English; communication staff can make new versions as for any template.
INSERT INTO letter_template (name, category, created_by, key) VALUES
  ('Kvittering for klage fra Min side', 'RECEIPT', 'system', 'complaint-received-portal');

INSERT INTO letter_template_version (template_id, number, subject, body, status, author, reviewed_by, reviewed_at)
SELECT id, 1, 'Vi har fået din klage', $$Kære {{fornavn}}

Tak for din klage. Vi har fået den den {{modtaget}} på Min side. Den handler om: {{afgørelse}}.

Hvad sker der nu?
Vi ser på din sag igen. Du får svar fra os senest den {{svarfrist}}. Får du ikke ret i det hele, sender vi din klage videre til Ankestyrelsen. Det gør vi senest den {{ankestyrelsen_frist}}. Vi skriver til dig, når vi gør det.

Du skal ikke gøre mere nu. Vil du fortælle os mere, så skriv til os på Min side, eller ring til os.

Venlig hilsen
Jobcentret$$, 'APPROVED', 'system', 'kommunikation', now()
FROM letter_template WHERE key = 'complaint-received-portal';

INSERT INTO letter_template_translation (template_id, language, subject, body, created_by)
SELECT id, 'en', 'We have received your complaint', $$Dear {{fornavn}}

Thank you for your complaint. We received it on {{modtaget}} on Min side. It is about: {{afgørelse}}.

What happens now?
We look at your case again. You will hear from us by {{svarfrist}} at the latest. If we do not agree with you in full, we send your complaint on to Ankestyrelsen (the National Social Appeals Board). We do that by {{ankestyrelsen_frist}} at the latest, and we will write to you when we do.

You do not need to do anything more now. If you want to tell us more, write to us on Min side or call us.

Kind regards
The job centre$$, 'system'
FROM letter_template WHERE key = 'complaint-received-portal';
