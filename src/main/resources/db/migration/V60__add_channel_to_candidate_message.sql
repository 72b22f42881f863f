-- How a message to the candidate went out through the messaging outbox: SMS, EMAIL, or NONE when the case has
-- neither a phone number nor an e-mail address. Older rows (written before messages were sent) keep NULL.
ALTER TABLE candidate_message ADD COLUMN channel TEXT CHECK (channel IN ('SMS', 'EMAIL', 'NONE'));
