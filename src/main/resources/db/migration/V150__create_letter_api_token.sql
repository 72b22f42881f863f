-- Issue 14: API tokens for the letters analyser's HTTP API (/v2/check, LanguageTool-compatible, and
-- /api/letters/analysis), one or more per municipality (or other system). Only the SHA-256 of a token is kept (hex);
-- the token itself is shown once, when an administrator creates it. A revoked token stays as a row (who, when) and no
-- longer authenticates.
CREATE TABLE letter_api_token (
  id           BIGSERIAL   PRIMARY KEY,
  name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  token_sha256 CHAR(64)    NOT NULL UNIQUE,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  created_by   TEXT        NOT NULL,
  revoked_at   TIMESTAMPTZ,
  revoked_by   TEXT
);
