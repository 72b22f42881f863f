package dk.vaerdig.letters;

/**
 * Delivers a letter to a candidate: Digital Post in production (with paper for those exempted), the outbox in
 * development. Provide a bean of this type and name it in {@code vaerdig.letters.channel}.
 */
public interface DeliveryChannel {

	/** The name by which {@code vaerdig.letters.channel} selects this channel. */
	String name();

	/** Delivers the letter; called inside the transaction that records it, so a failure sends nothing. */
	void deliver(OutgoingLetter letter);
}
