package dk.vaerdig.messaging;

/** What became of a message handed to {@link Messaging}. */
public enum QueueResult {
	/** In the outbox; it goes when the caller's transaction commits. */
	QUEUED,
	/** A message with the same idempotency key is in the outbox already; nothing new was queued. */
	ALREADY_QUEUED,
	/** The phone number or e-mail address cannot be sent to; nothing was queued. */
	INVALID_ADDRESS
}
