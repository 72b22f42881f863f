-- The default questionnaire (version 1): five-point scale plus "don't know", one question with an offer of contact,
-- one free-text field. Themes after KL's survey and the Stevns and Ringsted questions.
INSERT INTO survey_version (id, number, status, created_by, created_at, activated_at)
VALUES (1, 1, 'ACTIVE', 'system', now(), now());
SELECT setval('survey_version_id_seq', 1);

INSERT INTO survey_question (id, version_id, position, code, kind) VALUES
  (1, 1, 1, 'expectations', 'SCALE'),
  (2, 1, 2, 'respect',      'SCALE'),
  (3, 1, 3, 'listened',     'SCALE'),
  (4, 1, 4, 'influence',    'SCALE'),
  (5, 1, 5, 'clarity',      'SCALE'),
  (6, 1, 6, 'value',        'SCALE'),
  (7, 1, 7, 'options',      'SCALE'),
  (8, 1, 8, 'unanswered',   'CONTACT'),
  (9, 1, 9, 'comment',      'FREE_TEXT');
SELECT setval('survey_question_id_seq', 9);

INSERT INTO survey_question_text (question_id, lang, text) VALUES
  (1, 'da', 'Levede samtalen op til det, du havde forventet?'),
  (1, 'en', 'Did the meeting live up to what you expected?'),
  (2, 'da', 'Blev du mødt med respekt?'),
  (2, 'en', 'Were you met with respect?'),
  (3, 'da', 'Følte du, at vi lyttede til dig?'),
  (3, 'en', 'Did you feel that we listened to you?'),
  (4, 'da', 'Fik du indflydelse på dit eget forløb?'),
  (4, 'en', 'Did you have a say in your own course?'),
  (5, 'da', 'Er det klart for dig, hvad vi aftalte, og hvad der skal ske nu?'),
  (5, 'en', 'Is it clear to you what we agreed and what happens next?'),
  (6, 'da', 'Fik du noget ud af samtalen?'),
  (6, 'en', 'Did you get something out of the meeting?'),
  (7, 'da', 'Ved du, hvilke muligheder du har fremover?'),
  (7, 'en', 'Do you know which options you have from now on?'),
  (8, 'da', 'Har du spørgsmål, som du ikke har fået svar på?'),
  (8, 'en', 'Do you have questions that are still unanswered?'),
  (9, 'da', 'Vil du fortælle os mere? Skriv gerne her.'),
  (9, 'en', 'Would you like to tell us more? Write here.');

-- A kiosk for the reception; its secret key is random, staff find the kiosk's address at /surveys/kiosks.
INSERT INTO survey_kiosk (name, key) VALUES ('Receptionen', md5(random()::text || clock_timestamp()::text));
