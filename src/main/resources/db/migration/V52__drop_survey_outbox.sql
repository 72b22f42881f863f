-- Survey invitations now go through the messaging outbox (outgoing_message); the development channel's own table,
-- which held the invitation texts with their links, goes.
DROP TABLE survey_outbox;
