-- A survey invitation's token is stored only as its SHA-256 (hex), so a database reader cannot answer for a candidate.
-- New tokens are made from the invitation's id with a server secret (SurveyTokens), so the server can show them again
-- on the printed summary and the kiosk. Tokens made before this migration were random: their links, already sent, keep
-- working through the hash, but they cannot be shown again. sha256() is built into PostgreSQL 11 and newer.
ALTER TABLE survey_invitation ADD COLUMN token_sha256 TEXT;
UPDATE survey_invitation SET token_sha256 = encode(sha256(convert_to(token, 'UTF8')), 'hex');
ALTER TABLE survey_invitation ALTER COLUMN token_sha256 SET NOT NULL;
ALTER TABLE survey_invitation ADD CONSTRAINT survey_invitation_token_sha256_key UNIQUE (token_sha256);
ALTER TABLE survey_invitation DROP COLUMN token;
