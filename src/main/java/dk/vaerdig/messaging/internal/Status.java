package dk.vaerdig.messaging.internal;

/** Where a message is: waiting for its (next) attempt, delivered, given up, or cancelled before it went. */
public enum Status {
	QUEUED, SENT, FAILED, CANCELLED
}
