-- A candidate with no SMS or e-mail to use (or who asked for Digital Post or letters) is invited to a dialogue meeting
-- by letter, and told by letter when the meeting is moved or cancelled: three templates sent by a stable key through
-- the letters module, approved as version 1; communication staff can make new versions as for any template.
ALTER TABLE dialogue_invitation DROP CONSTRAINT dialogue_invitation_channel_check;
ALTER TABLE dialogue_invitation ADD CONSTRAINT dialogue_invitation_channel_check
  CHECK (channel IN ('SMS', 'EMAIL', 'LETTER', 'NONE'));

INSERT INTO letter_template (name, category, created_by, key) VALUES
  ('Invitation til dialogmøde med politikerne', 'INVITATION', 'system', 'dialogue-invitation'),
  ('Dialogmøde med politikerne er flyttet', 'INFORMATION', 'system', 'dialogue-changed'),
  ('Dialogmøde med politikerne er aflyst', 'INFORMATION', 'system', 'dialogue-cancelled');

INSERT INTO letter_template_version (template_id, number, subject, body, status, author, reviewed_by, reviewed_at)
SELECT id, 1, 'Vil du møde politikerne?', $$Kære {{fornavn}}

Vil du fortælle politikerne om dine erfaringer med jobcentret? Så vil vi gerne invitere dig til et dialogmøde. Her møder du de politikere, der bestemmer over jobcentret.

Hvornår og hvor?
Mødet er den {{mødedag}} kl. {{mødetid}}. Det er på {{mødested}}.

Du bestemmer selv
Du bestemmer selv, om du vil komme. Det har ingen betydning for din sag, om du siger ja eller nej.

Vil du med?
Ring eller skriv til os, hvis du vil med. Du kan også ringe, hvis du har spørgsmål.

Venlig hilsen
{{sagsbehandler}}
Telefon {{sagsbehandler_telefon}}
{{sagsbehandler_email}}$$, 'APPROVED', 'system', 'kommunikation', now()
FROM letter_template WHERE key = 'dialogue-invitation';

INSERT INTO letter_template_version (template_id, number, subject, body, status, author, reviewed_by, reviewed_at)
SELECT id, 1, 'Vi har flyttet dialogmødet', $$Kære {{fornavn}}

Vi har flyttet dialogmødet med politikerne. Du er stadig meget velkommen.

Hvornår og hvor?
Mødet er nu den {{mødedag}} kl. {{mødetid}}. Det er på {{mødested}}.

Du bestemmer stadig selv, om du vil komme. Det har ingen betydning for din sag. Ring eller skriv til os, hvis du har spørgsmål.

Venlig hilsen
{{sagsbehandler}}
Telefon {{sagsbehandler_telefon}}
{{sagsbehandler_email}}$$, 'APPROVED', 'system', 'kommunikation', now()
FROM letter_template WHERE key = 'dialogue-changed';

INSERT INTO letter_template_version (template_id, number, subject, body, status, author, reviewed_by, reviewed_at)
SELECT id, 1, 'Vi har aflyst dialogmødet', $$Kære {{fornavn}}

Vi har aflyst dialogmødet med politikerne den {{mødedag}} kl. {{mødetid}}. Vi beklager.

Du skal ikke gøre noget. Det har ingen betydning for din sag. Vi skriver til dig, hvis vi holder et nyt møde.

Har du spørgsmål, så ring eller skriv til os.

Venlig hilsen
{{sagsbehandler}}
Telefon {{sagsbehandler_telefon}}
{{sagsbehandler_email}}$$, 'APPROVED', 'system', 'kommunikation', now()
FROM letter_template WHERE key = 'dialogue-cancelled';
