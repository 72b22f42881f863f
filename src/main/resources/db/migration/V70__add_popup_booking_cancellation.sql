-- A candidate can cancel a pop-up booking through the link in the SMS and on the confirmation page, without logging
-- in. The link carries a random token; only its SHA-256 is stored. A cancelled booking keeps its row (the outbox refers
-- to it) and frees its place; the same phone number may then book again.
ALTER TABLE popup_booking ADD COLUMN cancel_token_sha256 TEXT;
ALTER TABLE popup_booking ADD COLUMN cancelled_at TIMESTAMPTZ;
CREATE UNIQUE INDEX popup_booking_cancel_token ON popup_booking (cancel_token_sha256);
DROP INDEX popup_booking_once_per_phone;
CREATE UNIQUE INDEX popup_booking_once_per_phone ON popup_booking (session_id, phone) WHERE cancelled_at IS NULL;
