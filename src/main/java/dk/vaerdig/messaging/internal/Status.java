package dk.vaerdig.messaging.internal;

/** Where a message is: waiting for its (next) attempt, delivered, or given up. */
public enum Status {
	QUEUED, SENT, FAILED
}
