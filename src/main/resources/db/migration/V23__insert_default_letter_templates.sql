-- Four default templates in plain Danish, approved as version 1: an invitation, a decision with reasons and complaint
-- guidance, the complaint guidance on its own (Ankestyrelsen, 4 weeks), and a consultation before a decision.
INSERT INTO letter_template (id, name, category, created_by) VALUES
(1, 'Invitation til samtale', 'INVITATION', 'system'),
(2, 'Afgørelse: afslag på hjælp til transport', 'DECISION', 'system'),
(3, 'Klagevejledning', 'INFORMATION', 'system'),
(4, 'Partshøring før en afgørelse', 'CONSULTATION', 'system');
SELECT setval(pg_get_serial_sequence('letter_template', 'id'), 4);

INSERT INTO letter_template_version (template_id, number, subject, body, status, author, reviewed_by, reviewed_at) VALUES
(1, 1, 'Vi vil gerne tale med dig', $$Kære {{fornavn}}

Vi vil gerne tale med dig om dine ønsker og dine næste skridt mod et job.

Hvornår: {{mødetid}}
Hvor: {{mødested}}
Hvem: {{sagsbehandler}}

Til samtalen taler vi om det, der er vigtigt for dig. Du er velkommen til at tage en, du kender, med.

Hvis tiden ikke passer dig, så ring eller skriv til mig. Så finder vi en ny tid sammen.

Hvad sker der bagefter?
Vi skriver ned, hvad vi aftaler. Du får aftalerne med hjem.

Venlig hilsen
{{sagsbehandler}}
Telefon {{sagsbehandler_telefon}}
{{sagsbehandler_email}}$$, 'APPROVED', 'system', 'kommunikation', now()),
(2, 1, 'Svar på din ansøgning om hjælp til transport', $$Kære {{fornavn}}

Du får ikke hjælp til transport til dit kursus. Her kan du læse, hvorfor vi har besluttet det. Du kan også læse, hvad du kan gøre, hvis du er uenig.

Hvorfor har vi besluttet det?
Du bor 8 km fra kurset. Du kan kun få hjælp til transport, hvis du har mere end 12 km hver vej. Vi har lagt vægt på den afstand, du selv har fortalt os om.

De regler, vi har brugt
Vi har brugt reglerne i lov om aktiv beskæftigelsesindsats § 82.

Vi har hørt dig
Du har fortalt os om din situation i et brev. Det har vi tænkt med, før vi besluttede noget.

Hvis du er uenig
Du kan klage over afgørelsen. Klag til os inden 4 uger fra den dag, du fik dette brev. Du kan skrive til os, ringe eller komme forbi. Du behøver ikke at skrive, hvorfor du klager.
Vi ser på sagen igen. Er vi stadig uenige med dig, sender vi din klage videre til Ankestyrelsen inden 4 uger.

Hvad sker der nu?
Du skal ikke gøre noget. Har du spørgsmål, så ring til mig på {{sagsbehandler_telefon}}.

Venlig hilsen
{{sagsbehandler}}$$, 'APPROVED', 'system', 'kommunikation', now()),
(3, 1, 'Sådan klager du', $$Kære {{fornavn}}

Er du uenig i en afgørelse, kan du klage. Det koster ikke noget.

Sådan gør du
- Klag til os inden 4 uger fra den dag, du fik afgørelsen.
- Du kan klage skriftligt, for eksempel med Digital Post, eller mundtligt ved at ringe til os.
- Du behøver ikke at skrive, hvorfor du er uenig. Men det hjælper os, hvis du gør.

Hvad sker der, når du har klaget?
Vi ser på din sag igen inden 4 uger. Giver vi dig ret, får du en ny afgørelse. Giver vi dig ikke ret, sender vi din klage og din sag til Ankestyrelsen. Det får du besked om. Ankestyrelsen sender sit svar direkte til dig.

Har du spørgsmål?
Ring til mig på {{sagsbehandler_telefon}}, eller skriv til {{sagsbehandler_email}}.

Venlig hilsen
{{sagsbehandler}}$$, 'APPROVED', 'system', 'kommunikation', now()),
(4, 1, 'Vi vil gerne høre din mening, før vi beslutter noget', $$Kære {{fornavn}}

Vi overvejer at stoppe din hjælp til transport. Før vi beslutter noget, vil vi gerne høre, hvad du mener.

Det har vi lagt vægt på
Vi har fået at vide, at du er flyttet tættere på dit kursus. Du bor nu 8 km fra kurset.

Er oplysningerne rigtige?
Hvis noget er forkert, eller hvis du vil fortælle os mere, så skriv eller ring senest {{frist}}. Du kan også komme forbi.

Hvad sker der så?
Når fristen er gået, beslutter vi, om du fortsat kan få hjælp. Du får et brev med vores afgørelse. I brevet kan du også læse, hvordan du kan klage.

Venlig hilsen
{{sagsbehandler}}
Telefon {{sagsbehandler_telefon}}$$, 'APPROVED', 'system', 'kommunikation', now());
