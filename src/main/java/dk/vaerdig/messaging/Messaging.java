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
 * Every message names its {@link Addressee}: the candidate (and the candidate's team), or, for a message that belongs
 * to no case, the team that owns it. The outbox page shows a message only to staff who may open the candidate's case
 * (or who belong to the owning team), and records each read for the candidate.
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
	public QueueResult sendSms(Addressee to, String phone, String text, String purpose, String idempotencyKey) {
		return Addresses.phone(phone)
			.map(number -> outbox.queue(to, Channel.SMS, number, null, text, purpose, idempotencyKey))
			.orElse(QueueResult.INVALID_ADDRESS);
	}

	/** Queues an e-mail in plain text. */
	@Transactional
	public QueueResult sendEmail(Addressee to, String address, String subject, String text, String purpose,
			String idempotencyKey) {
		return Addresses.email(address)
			.map(email -> outbox.queue(to, Channel.EMAIL, email, subject, text, purpose, idempotencyKey))
			.orElse(QueueResult.INVALID_ADDRESS);
	}

	/**
	 * The candidate's case moved to another team: their messages in the outbox go with it, so they are listed for the
	 * staff who may open the case now and no longer for the team before. Joins the caller's transaction.
	 */
	@Transactional
	public void candidateMovedToTeam(long candidateId, long teamId) {
		outbox.moveCandidate(candidateId, teamId);
	}
}
