-- Issue 14: the plain-language dictionaries, corrected and widened.
--
-- Sources the new entries were chosen from (the wording of every entry and note is ours):
--  * Språkrådet (the Norwegian language council): "Kansellisten – ord og uttrykk som kan byttes ut",
--    https://sprakradet.no/godt-og-korrekt-sprak/praktisk-sprakbruk/kansellisten/ — where Danish officialese uses the
--    same word (angående, henstand, forestå, afhænde, ophøre, samtlige, undertegnede, tilgodese …);
--  * Justitsministeriets vejledning nr. 224 af 15. oktober 1969 om sproget i love og andre retsforskrifter (short
--    sentences, no fixed formulas), which Danish public-sector language policies build on;
--  * Dansk Sprognævn's advice on klarsprog (sprog.dk) and Digitaliseringsstyrelsen's advice on writing to citizens as
--    summed up in DESIGN.md § 4 (du and vi, active voice, verbs instead of nouns, imperatives instead of "bedes");
--  * the phrases the issue found missing: herom, påtænker, lejlighed til, være os i hænde, De er forpligtet til,
--    mister du din ydelse, eget ansvar, Vi gør opmærksom på, manglende overholdelse.
--
-- Entries whose one-click replacement broke Danish or the law are changed or removed. Rows staff have edited
-- (changed_by <> 'system') are left as they are.

-- "Vi har besluttet, at du skal" is a clear decision; "Vi foreslår, at du" would change its legal meaning.
DELETE FROM letter_phrase WHERE kind = 'DISEMPOWERING' AND phrase = 'vi har besluttet, at du skal' AND changed_by = 'system';
-- "afholdes" is an -s passive, and the passive rule reports it as one.
DELETE FROM letter_phrase WHERE kind = 'OFFICIALESE' AND phrase = 'afholdes' AND changed_by = 'system';
-- "skønt" is mostly the adjective ("Det er skønt"); the analyser reports the conjunction by itself.
DELETE FROM letter_phrase WHERE kind = 'OFFICIALESE' AND phrase = 'skønt' AND changed_by = 'system';
-- "du skal" for "du er forpligtet til" needs the "at" too: "du er forpligtet til at søge" → "du skal søge".
DELETE FROM letter_phrase WHERE kind = 'DISEMPOWERING' AND phrase = 'du er forpligtet til' AND changed_by = 'system';
DELETE FROM letter_phrase WHERE kind = 'DISEMPOWERING' AND phrase = 'du har pligt til' AND changed_by = 'system';
-- "henvende sig til os" → "kontakte os" needs the "til".
DELETE FROM letter_phrase WHERE kind = 'OFFICIALESE' AND phrase = 'henvende sig' AND changed_by = 'system';

INSERT INTO letter_phrase (kind, phrase, alternative, note) VALUES
('OFFICIALESE', 'der gøres opmærksom på', 'husk', 'Skriv det direkte: »Husk, at …«.'),
('OFFICIALESE', 'vi gør opmærksom på', 'husk', 'Skriv budskabet direkte: »Husk, at …« – eller bare det, du vil sige.'),
('OFFICIALESE', 'vi gør dig opmærksom på', 'husk', 'Skriv budskabet direkte: »Husk, at …«.'),
('OFFICIALESE', 'jeg gør opmærksom på', 'husk', 'Skriv budskabet direkte: »Husk, at …«.'),
('OFFICIALESE', 'imødese*', 'vente på', NULL),
('OFFICIALESE', 'herom', 'om det', NULL),
('OFFICIALESE', 'hertil', 'til det', NULL),
('OFFICIALESE', 'heraf', NULL, 'Skriv, hvad du henviser til: »af beløbet«, »af dine timer«.'),
('OFFICIALESE', 'herunder', 'blandt andet', NULL),
('OFFICIALESE', 'påtænk*', 'overveje', NULL),
('OFFICIALESE', 'lejlighed til', 'mulighed for', NULL),
('OFFICIALESE', 'være os i hænde', 'nå frem til os', NULL),
('OFFICIALESE', 'er os i hænde', 'når frem til os', NULL),
('OFFICIALESE', 'være mig i hænde', 'nå frem til mig', NULL),
('OFFICIALESE', 'er forpligtet til at', 'skal', NULL),
('OFFICIALESE', 'forpligtet til', NULL, 'Skriv »du skal« og gerne hvorfor.'),
('OFFICIALESE', 'manglende overholdelse af', NULL, 'Skriv det som en handling: »hvis du ikke overholder …«.'),
('OFFICIALESE', 'manglende overholdelse', NULL, 'Skriv det som en handling: »hvis du ikke overholder …«.'),
('OFFICIALESE', 'angående', 'om', NULL),
('OFFICIALESE', 'henstand', 'udsættelse', NULL),
('OFFICIALESE', 'forestå*', 'stå for', NULL),
('OFFICIALESE', 'afhændelse', 'salg', NULL),
('OFFICIALESE', 'afhænde*', 'sælge', NULL),
('OFFICIALESE', 'begunstige*', NULL, 'Skriv, hvem der får en fordel, og hvilken.'),
('OFFICIALESE', 'undlade*', NULL, 'Skriv det med »ikke«: »hvis du ikke …«.'),
('OFFICIALESE', 'øvrige', 'andre', NULL),
('OFFICIALESE', 'i anledning af', 'på grund af', NULL),
('OFFICIALESE', 'afgive*', 'give', NULL),
('OFFICIALESE', 'meddele*', 'fortælle', NULL),
('OFFICIALESE', 'meddelelser', 'beskeder', NULL),
('OFFICIALESE', 'hjemmel', NULL, 'Skriv, hvilken regel der giver os lov: »Efter lov om … § …«.'),
('OFFICIALESE', 'pålægge*', NULL, 'Skriv »du skal …«, og hvorfor.'),
('OFFICIALESE', 'henvend* dig til', 'kontakte', NULL),
('OFFICIALESE', 'henvend* sig til', 'kontakte', NULL),
('OFFICIALESE', 'henvend* dem til', 'kontakte', NULL),
('OFFICIALESE', 'hold* dig orienteret', 'give dig besked', NULL),
('OFFICIALESE', 'hold* dem orienteret', 'give dig besked', NULL),
('OFFICIALESE', 'fremadrettet', 'fremover', NULL),
('OFFICIALESE', 'retmæssig*', NULL, 'Skriv, hvad du har ret til: »det beløb, du har ret til«.'),
('OFFICIALESE', 'ansøgte', NULL, 'Skriv »det, du har søgt om«.'),
('OFFICIALESE', 'foreløbig*', NULL, 'Skriv, hvor længe det gælder, og hvad der sker bagefter.'),
('OFFICIALESE', 'vederlag*', 'betaling', NULL),
('OFFICIALESE', 'fremsætte*', NULL, 'Skriv med et almindeligt udsagnsord: »komme med«, »sige«.'),
('OFFICIALESE', 'forefalde*', 'ske', NULL),
('OFFICIALESE', 'bortfalde*', 'stoppe', NULL),
('OFFICIALESE', 'bibringe*', 'give', NULL),
('OFFICIALESE', 'foranstalte*', 'sørge for', NULL),
('OFFICIALESE', 'fyldestgørende', 'fuldstændig', NULL),
('OFFICIALESE', 'i samme anledning', 'samtidig', NULL),
('OFFICIALESE', 'med henvisning til', 'på grund af', NULL),
('OFFICIALESE', 'al den stund', 'fordi', NULL),
('OFFICIALESE', 'eftersom', 'fordi', NULL),
('OFFICIALESE', 'i hvilken forbindelse', NULL, 'Del sætningen i to.'),
('OFFICIALESE', 'hvorledes', 'hvordan', NULL),
('DISEMPOWERING', 'du er forpligtet til at', 'du skal', NULL),
('DISEMPOWERING', 'du har pligt til at', 'du skal', NULL),
('DISEMPOWERING', 'mister du din', NULL, 'Skriv roligt og præcist, hvad der sker, og hvordan man undgår det: »Hvis du ikke …, kan vi stoppe din ydelse.«'),
('DISEMPOWERING', 'mister du dit', NULL, 'Skriv roligt og præcist, hvad der sker, og hvordan man undgår det.'),
('DISEMPOWERING', 'mister du retten til', NULL, 'Skriv roligt og præcist, hvad der sker, og hvordan man undgår det.'),
('DISEMPOWERING', 'på eget ansvar', NULL, 'Skriv, hvad modtageren selv skal gøre, og hvad vi hjælper med.'),
('DISEMPOWERING', 'eget ansvar', NULL, 'Skriv, hvad modtageren selv skal gøre, og hvad vi hjælper med.'),
('DISEMPOWERING', 'vi skal gøre opmærksom på', 'husk', NULL),
('DISEMPOWERING', 'konsekvenser for din ydelse', NULL, 'Skriv præcist, hvad der sker med ydelsen, og hvordan man undgår det.'),
('DISEMPOWERING', 'vil få konsekvenser', NULL, 'Skriv præcist, hvad der sker, og hvordan man undgår det.'),
('DISEMPOWERING', 'det påhviler dig', 'du skal', NULL),
('DISEMPOWERING', 'vi forventer af dig', NULL, 'Skriv, hvad vi aftaler, og hvad vi hjælper med.'),
('DISEMPOWERING', 'uden ophold', 'med det samme', NULL),
('NOMINALISATION', 'træffe beslutning om', 'beslutte', NULL),
('NOMINALISATION', 'tage beslutning om', 'beslutte', NULL),
('NOMINALISATION', 'foretage en prioritering', 'prioritere', NULL),
('NOMINALISATION', 'foretage en udbetaling', 'udbetale', NULL),
('NOMINALISATION', 'foretage en kontrol', 'kontrollere', NULL),
('NOMINALISATION', 'yde bistand', 'hjælpe', NULL),
('NOMINALISATION', 'give svar', 'svare', NULL),
('NOMINALISATION', 'afgive svar', 'svare', NULL),
('NOMINALISATION', 'give en begrundelse', 'begrunde', NULL),
('NOMINALISATION', 'komme med en vurdering', 'vurdere', NULL),
('NOMINALISATION', 'have en forventning om', 'forvente', NULL),
('NOMINALISATION', 'foretage indberetning', 'indberette', NULL),
('NOMINALISATION', 'foretage en indberetning', 'indberette', NULL)
ON CONFLICT (kind, phrase) DO UPDATE SET alternative = excluded.alternative, note = excluded.note
  WHERE letter_phrase.changed_by = 'system';

-- every node rebuilds its analyser from the changed dictionaries
UPDATE letter_dictionary_version SET version = version + 1;
