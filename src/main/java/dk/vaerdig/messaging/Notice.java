package dk.vaerdig.messaging;

/**
 * A short message to one candidate: the SMS text, the e-mail's subject and text, why it is sent (the purpose, as for
 * {@link Messaging#sendSms}) and the idempotency key that makes it go once.
 */
public record Notice(Reach reach, String smsText, String emailSubject, String emailText, String purpose,
		String idempotencyKey) {
}
