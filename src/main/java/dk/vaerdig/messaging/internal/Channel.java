package dk.vaerdig.messaging.internal;

/** How a message reaches the candidate. */
public enum Channel {
	SMS, EMAIL
}
