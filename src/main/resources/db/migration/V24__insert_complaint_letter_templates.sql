-- Templates other modules send by a stable key: the complaints module acknowledges a complaint and answers it with
-- the reassessment. Approved as version 1; communication staff can make new versions as for any template.
ALTER TABLE letter_template ADD COLUMN key TEXT UNIQUE;

INSERT INTO letter_template (name, category, created_by, key) VALUES
  ('Kvittering for klage', 'INFORMATION', 'system', 'complaint-received'),
  ('Svar på klage: genvurdering', 'DECISION', 'system', 'complaint-reassessed');

INSERT INTO letter_template_version (template_id, number, subject, body, status, author, reviewed_by, reviewed_at)
SELECT id, 1, 'Vi har fået din klage', $$Kære {{fornavn}}

Tak for din klage. Vi har fået den den {{modtaget}}. Den handler om: {{afgørelse}}.

Hvad sker der nu?
Vi ser på din sag igen. Du får svar fra os senest den {{svarfrist}}. Får du ikke medhold i det hele, sender vi din klage videre til Ankestyrelsen. Det gør vi senest den {{ankestyrelsen_frist}}, og vi skriver til dig, når vi gør det.

Du behøver ikke at gøre noget. Vil du fortælle os mere, så ring eller skriv til os.

Venlig hilsen
{{sagsbehandler}}
Telefon {{sagsbehandler_telefon}}
{{sagsbehandler_email}}$$, 'APPROVED', 'system', 'kommunikation', now()
FROM letter_template WHERE key = 'complaint-received';

INSERT INTO letter_template_version (template_id, number, subject, body, status, author, reviewed_by, reviewed_at)
SELECT id, 1, 'Svar på din klage', $$Kære {{fornavn}}

Vi har set på din sag igen. Her er vores svar på din klage over: {{afgørelse}}.

Vores svar
{{resultat}}

Hvorfor?
{{begrundelse}}

Hvad sker der nu?
{{næste_skridt}}

Har du spørgsmål, så ring eller skriv til os. Vi vil gerne hjælpe dig.

Venlig hilsen
{{sagsbehandler}}
Telefon {{sagsbehandler_telefon}}
{{sagsbehandler_email}}$$, 'APPROVED', 'system', 'kommunikation', now()
FROM letter_template WHERE key = 'complaint-reassessed';
