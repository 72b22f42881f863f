package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.StaffMember;
import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.messaging.Notice;
import dk.vaerdig.messaging.PreferredChannel;
import dk.vaerdig.messaging.Reach;

/**
 * Messages from the case to the candidate, in plain Danish: sent through the messaging outbox by the channel the
 * candidate prefers (SMS unless they chose e-mail), else by the other, else not at all, and written on the case's timeline with how they went. Each is
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

	private final ContactPreferences preferences;

	CandidateMessages(Messaging messaging, JdbcClient jdbc, MessageSource messages, Clock clock,
			ContactPreferences preferences) {
		this.preferences = preferences;
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
		Addressee candidate = Addressee.candidate(to.getId(), to.getTeamId());
		// by the channel the candidate prefers (issue 13), the other when the case has no address for it
		PreferredChannel preferred = preferences.of(to.getId()).channel();
		Channel channel = messaging
			.sendNotice(new Notice(new Reach(candidate, preferred, to.getPhone(), to.getEmail(), DANISH), text, subject,
					text, purpose, key))
			.map(c -> c == PreferredChannel.SMS ? Channel.SMS : Channel.EMAIL)
			.orElse(Channel.NONE);
		jdbc.sql("INSERT INTO candidate_message (candidate_id, kind, body, created_at, channel) VALUES (?, ?, ?, ?, ?)")
			.params(to.getId(), kind, text, Timestamp.from(clock.instant()), channel.name())
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
