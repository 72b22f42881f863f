package dk.vaerdig.casework.internal;

import java.time.Clock;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.StaffMember;
import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.QueueResult;

/**
 * Messages from the case to the candidate, in plain Danish: sent through the messaging outbox by SMS when the case has
 * a phone number, else by e-mail, else not at all, and written on the case's timeline with how they went. Each is
 * queued once per idempotency key, in the caller's transaction.
 */
@Component
class CandidateMessages {

	static final Locale DANISH = Locale.forLanguageTag("da");

	enum Channel {
		SMS, EMAIL, NONE
	}

	private final Messaging messaging;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	CandidateMessages(Messaging messaging, JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.messaging = messaging;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Sends the message and records it on the timeline.
	 * @param kind what it is on the timeline, e.g. {@code NEW_CASEWORKER}
	 * @param purpose what it is in the outbox, e.g. {@code caseworker-changed} (see {@code messaging.purpose.*})
	 * @param key unique for this message, e.g. {@code caseworker-changed:handover:17}, so a repeat queues nothing
	 */
	Channel send(Candidate to, String kind, String purpose, String key, String subject, String text) {
		Channel channel = Channel.NONE;
		Addressee candidate = Addressee.candidate(to.getId(), to.getTeamId());
		if (to.getPhone() != null
				&& messaging.sendSms(candidate, to.getPhone(), text, purpose, key) != QueueResult.INVALID_ADDRESS) {
			channel = Channel.SMS;
		}
		else if (to.getEmail() != null && messaging.sendEmail(candidate, to.getEmail(), subject, text, purpose,
				key) != QueueResult.INVALID_ADDRESS) {
			channel = Channel.EMAIL;
		}
		jdbc.sql("INSERT INTO candidate_message (candidate_id, kind, body, created_at, channel) VALUES (?, ?, ?, ?, ?)")
			.params(to.getId(), kind, text, java.sql.Timestamp.from(clock.instant()), channel.name())
			.update();
		return channel;
	}

	/** The text of {@code key} in Danish. */
	String text(String key, Object... args) {
		return messages.getMessage(key, args, DANISH);
	}

	/** How to reach the caseworker, as one sentence: phone and e-mail where the staff table has them. */
	String howToReach(StaffMember caseworker) {
		boolean phone = caseworker.phone() != null && !caseworker.phone().isBlank();
		boolean email = caseworker.email() != null && !caseworker.email().isBlank();
		if (phone && email) {
			return text("casework.message.reach.both", caseworker.displayName(), caseworker.phone(), caseworker.email());
		}
		if (phone) {
			return text("casework.message.reach.phone", caseworker.displayName(), caseworker.phone());
		}
		if (email) {
			return text("casework.message.reach.email", caseworker.displayName(), caseworker.email());
		}
		return text("casework.message.reach.none");
	}
}
