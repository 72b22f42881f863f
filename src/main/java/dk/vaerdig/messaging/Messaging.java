package dk.vaerdig.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.messaging.internal.Addresses;
import dk.vaerdig.messaging.internal.Channel;
import dk.vaerdig.messaging.internal.Outbox;
import dk.vaerdig.platform.PlatformSettings;

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

	private final SendingHours hours;

	Messaging(Outbox outbox, MessagingSettings settings, PlatformSettings platform) {
		this.outbox = outbox;
		this.hours = new SendingHours(platform.zone(), settings.reminders().quietFrom(),
				settings.reminders().quietUntil());
	}

	/** When reminders may go (the quiet window of the night is configured here). */
	public SendingHours sendingHours() {
		return hours;
	}

	/**
	 * Queues a short notice by the channel the candidate prefers, falling back to the other when the case has no
	 * usable address for it ({@link PreferredChannel#noticeOrder()}). Returns the channel it was queued on (also when
	 * it was queued before), or empty when the case has no address to send it to.
	 */
	@Transactional
	public Optional<PreferredChannel> sendNotice(Notice notice) {
		Optional<Outbox.Draft> draft = draft(notice);
		draft.ifPresent(d -> outbox.queue(d.to(), d.channel(), d.recipient(), d.subject(), d.body(), d.purpose(),
				d.idempotencyKey()));
		return draft.map(d -> PreferredChannel.valueOf(d.channel().name()));
	}

	/**
	 * Queues many notices, as {@link #sendNotice}, a thousand to a statement (a reminder run); each goes once by its
	 * key. Returns how many were new in the outbox (a notice without an address, or queued before, is not).
	 */
	@Transactional
	public int sendNotices(List<Notice> notices) {
		List<Outbox.Draft> drafts = new ArrayList<>(notices.size());
		for (Notice n : notices) {
			draft(n).ifPresent(drafts::add);
		}
		return outbox.queueAll(drafts);
	}

	private static Optional<Outbox.Draft> draft(Notice n) {
		Reach r = n.reach();
		for (PreferredChannel c : r.preferred().noticeOrder()) {
			if (c == PreferredChannel.SMS) {
				Optional<String> phone = Addresses.phone(r.phone());
				if (phone.isPresent()) {
					return Optional.of(new Outbox.Draft(r.to(), Channel.SMS, phone.get(), null, n.smsText(), n.purpose(),
							n.idempotencyKey()));
				}
			}
			else {
				Optional<String> email = Addresses.email(r.email());
				if (email.isPresent()) {
					return Optional.of(new Outbox.Draft(r.to(), Channel.EMAIL, email.get(), n.emailSubject(),
							n.emailText(), n.purpose(), n.idempotencyKey()));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Cancels a message that is still waiting in the outbox (a reminder of a meeting that was cancelled or moved); true
	 * when it was cancelled, false when it was sent already or never queued. Joins the caller's transaction.
	 */
	@Transactional
	public boolean cancel(String idempotencyKey) {
		return outbox.cancel(idempotencyKey);
	}

	/** Those of the idempotency keys that the outbox has (queued, sent, failed or cancelled), in one statement. */
	@Transactional(readOnly = true)
	public Set<String> known(Collection<String> idempotencyKeys) {
		return outbox.known(idempotencyKeys);
	}

	/** The idempotency keys of the messages of a purpose that still wait in the outbox, to check them again. */
	@Transactional(readOnly = true)
	public List<String> queuedKeys(String purpose) {
		return outbox.queuedKeys(purpose);
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
