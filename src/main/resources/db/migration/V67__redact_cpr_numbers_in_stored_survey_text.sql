-- CPR numbers typed into survey comments were removed in four spellings only; the others ("01.01.90-1234",
-- "010190–1234", "010190/1234", "01 01 90 1234", "010190 - 1234" ...) were stored as typed. This function is the
-- pattern of surveys/internal/CprRedactor (a day 01-31, a month 01-12, a two-digit year and four digits, with
-- blanks, a hyphen or dash, a dot or a slash between any of the groups), and the text stored so far is redacted with
-- it. SurveyCprRedactionIntegrationTest checks that it agrees with CprRedactor.
CREATE FUNCTION survey_redact_cpr(text TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE STRICT AS $$
  SELECT regexp_replace(text,
    '(?<![0-9])(?:0[1-9]|[12][0-9]|3[01])'
    || '(?:[ \t\u00A0\u2007\u202F]{0,3}[-\u2010\u2011\u2012\u2013\u2014\u2212./][ \t\u00A0\u2007\u202F]{0,3}|[ \t\u00A0\u2007\u202F]{1,3})?'
    || '(?:0[1-9]|1[0-2])'
    || '(?:[ \t\u00A0\u2007\u202F]{0,3}[-\u2010\u2011\u2012\u2013\u2014\u2212./][ \t\u00A0\u2007\u202F]{0,3}|[ \t\u00A0\u2007\u202F]{1,3})?'
    || '[0-9]{2}'
    || '(?:[ \t\u00A0\u2007\u202F]{0,3}[-\u2010\u2011\u2012\u2013\u2014\u2212./][ \t\u00A0\u2007\u202F]{0,3}|[ \t\u00A0\u2007\u202F]{1,3})?'
    || '[0-9]{4}(?![0-9])',
    '[CPR-nummer fjernet]', 'g')
$$;

UPDATE survey_answer SET comment = survey_redact_cpr(comment)
WHERE comment IS NOT NULL AND comment <> survey_redact_cpr(comment);

UPDATE survey_follow_up SET preferred_time = survey_redact_cpr(preferred_time)
WHERE preferred_time IS NOT NULL AND preferred_time <> survey_redact_cpr(preferred_time);
