package dk.vaerdig.messaging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.messaging.internal.Addresses;
import dk.vaerdig.messaging.internal.Channel;
import dk.vaerdig.messaging.internal.Outbox;

/**
 * Sends SMS and e-mail to candidates. A message is written to the outbox in the caller's transaction, so it goes only
 * if the caller's work commits; a background dispatcher delivers it and retries with growing pauses when the gateway
 * or mail server fails. The same idempotency key twice queues one message.
 * <p>
 * The purpose says what a message is for in a few words without personal data ({@code survey-invitation}); staff
 * see it on the outbox page (as the message {@code messaging.purpose.<purpose>} where the calling module has one) and
 * it is written to the log instead of the recipient.
 */
@Service
public class Messaging {

	private final Outbox outbox;

	Messaging(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Queues an SMS. A Danish number may be written with or without +45, 0045, spaces and dashes; a foreign one
	 * needs its + and country code.
	 */
	@Transactional
	public QueueResult sendSms(String phone, String text, String purpose, String idempotencyKey) {
		return Addresses.phone(phone)
			.map(to -> outbox.queue(Channel.SMS, to, null, text, purpose, idempotencyKey))
			.orElse(QueueResult.INVALID_ADDRESS);
	}

	/** Queues an e-mail in plain text. */
	@Transactional
	public QueueResult sendEmail(String address, String subject, String text, String purpose, String idempotencyKey) {
		return Addresses.email(address)
			.map(to -> outbox.queue(Channel.EMAIL, to, subject, text, purpose, idempotencyKey))
			.orElse(QueueResult.INVALID_ADDRESS);
	}
}
