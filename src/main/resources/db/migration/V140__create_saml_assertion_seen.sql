-- SAML single use: the id of every assertion accepted at an ACS, kept until the assertion expires, so a captured
-- response cannot be posted a second time (on any node). Rows past expires_at are removed as new ones come.
CREATE TABLE saml_assertion_seen (
  assertion_id  VARCHAR(256) PRIMARY KEY,
  registration  VARCHAR(20)  NOT NULL,
  expires_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX saml_assertion_seen_expires ON saml_assertion_seen (expires_at);
