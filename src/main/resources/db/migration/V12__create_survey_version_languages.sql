-- The languages a questionnaire version is offered in; Danish always, others as administrators add them.
CREATE TABLE survey_version_language (
  version_id BIGINT NOT NULL REFERENCES survey_version (id),
  lang       TEXT NOT NULL CHECK (lang ~ '^[a-z]{2,3}$'),
  PRIMARY KEY (version_id, lang)
);
INSERT INTO survey_version_language (version_id, lang) SELECT id, 'da' FROM survey_version;
INSERT INTO survey_version_language (version_id, lang) SELECT id, 'en' FROM survey_version;
