-- The target groups of today (Jobnet's LAB codes) and the five of the reform from 1 January 2027.
INSERT INTO target_group (code, name_da, name_en, valid_from, valid_to) VALUES
  ('G2027_JOBPARAT',    'Jobparate',                            'Job-ready',                         '2027-01-01', NULL),
  ('G2027_AKTIVITET',   'Aktivitetsparate',                     'Activity-ready',                    '2027-01-01', NULL),
  ('G2027_SYGDOM',      'Sygemeldte',                           'On sick leave',                     '2027-01-01', NULL),
  ('G2027_UNGE',        'Unge under 25 uden uddannelse',        'Young people under 25 without education', '2027-01-01', NULL),
  ('G2027_AFKLARING',   'Personer i afklaring og fleksjob',     'People in clarification and flexjob', '2027-01-01', NULL);

INSERT INTO target_group (code, name_da, name_en, valid_from, valid_to, successor_code) VALUES
  ('LAB01', 'Dagpengemodtager',                    'Unemployment benefit (dagpenge)',        '2015-01-01', '2027-01-01', 'G2027_JOBPARAT'),
  ('LAB02', 'Jobparat kontanthjælpsmodtager',      'Cash benefit, job-ready',                '2015-01-01', '2027-01-01', 'G2027_JOBPARAT'),
  ('LAB03', 'Aktivitetsparat kontanthjælpsmodtager', 'Cash benefit, activity-ready',         '2015-01-01', '2027-01-01', 'G2027_AKTIVITET'),
  ('LAB04', 'Uddannelseshjælpsmodtager',           'Education benefit',                      '2015-01-01', '2027-01-01', 'G2027_UNGE'),
  ('LAB05', 'Sygedagpengemodtager',                'Sickness benefit',                       '2015-01-01', '2027-01-01', 'G2027_SYGDOM'),
  ('LAB06', 'Ledighedsydelsesmodtager',            'Flexjob unemployment benefit',           '2015-01-01', '2027-01-01', 'G2027_AFKLARING'),
  ('LAB07', 'Ressourceforløb',                     'Resource course',                        '2015-01-01', '2027-01-01', 'G2027_AFKLARING'),
  ('LAB08', 'Jobafklaringsforløb',                 'Job clarification course',               '2015-01-01', '2027-01-01', 'G2027_SYGDOM'),
  ('LAB09', 'Revalidering',                        'Rehabilitation (revalidering)',          '2015-01-01', '2027-01-01', 'G2027_AFKLARING'),
  ('LAB10', 'Integrationsydelsesmodtager',         'Integration benefit',                    '2015-01-01', '2027-01-01', 'G2027_JOBPARAT');

-- Contact rules as data. Until 30 June 2026 the older rules applied; from 1 July 2026 the reform's rules
-- (4 conversations in 6 months for jobparat kontanthjælp and ledighedsydelse, i.e. about every 30 working days).
INSERT INTO contact_rule (target_group_code, valid_from, valid_to, first_meeting_working_days, meeting_interval_working_days, legal_basis) VALUES
  ('LAB01', '2015-01-01', '2026-07-01', 20, 40, 'LAB § 27 (før 1.7.2026)'),
  ('LAB01', '2026-07-01', '2027-01-01', 20, 60, 'LAB § 27, som ændret ved LOV nr 1750 af 29/12/2025'),
  ('LAB02', '2015-01-01', '2026-07-01', 10, 30, 'LAB § 31 (før 1.7.2026)'),
  ('LAB02', '2026-07-01', '2027-01-01', 10, 30, 'LAB § 31, som ændret ved LOV nr 1750 af 29/12/2025'),
  ('LAB03', '2015-01-01', '2027-01-01', 10, 60, 'LAB § 31'),
  ('LAB04', '2015-01-01', '2027-01-01', 10, 30, 'LAB § 31'),
  ('LAB05', '2015-01-01', '2027-01-01', 40, 40, 'Sygedagpengeloven § 13'),
  ('LAB06', '2015-01-01', '2026-07-01', 10, 40, 'LAB § 31 (før 1.7.2026)'),
  ('LAB06', '2026-07-01', '2027-01-01', 10, 30, 'LAB § 31, som ændret ved LOV nr 1750 af 29/12/2025'),
  ('LAB07', '2015-01-01', '2027-01-01', 20, 60, 'LAB § 68 c'),
  ('LAB08', '2015-01-01', '2027-01-01', 20, 40, 'LAB § 68 g'),
  ('LAB09', '2015-01-01', '2027-01-01', 20, 60, 'LAB § 73'),
  ('LAB10', '2015-01-01', '2027-01-01', 10, 30, 'LAB § 31'),
  ('G2027_JOBPARAT',  '2027-01-01', NULL, 10, 30, 'Ny hovedlov for beskæftigelsesindsatsen (2027)'),
  ('G2027_AKTIVITET', '2027-01-01', NULL, 20, 60, 'Ny hovedlov for beskæftigelsesindsatsen (2027)'),
  ('G2027_SYGDOM',    '2027-01-01', NULL, 40, 40, 'Ny hovedlov for beskæftigelsesindsatsen (2027)'),
  ('G2027_UNGE',      '2027-01-01', NULL, 10, 30, 'Ny hovedlov for beskæftigelsesindsatsen (2027)'),
  ('G2027_AFKLARING', '2027-01-01', NULL, 20, 60, 'Ny hovedlov for beskæftigelsesindsatsen (2027)');
