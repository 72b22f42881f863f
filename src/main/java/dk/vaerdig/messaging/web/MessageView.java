package dk.vaerdig.messaging.web;

import java.time.Instant;

import dk.vaerdig.messaging.internal.Addresses;
import dk.vaerdig.messaging.internal.OutgoingMessage;

/**
 * A message as staff see it on the outbox page: the candidate (null for a message without one), the recipient
 * masked, and the text only where the development channel keeps it from the candidate (then the page is the only place
 * to read it; otherwise it holds the candidate's link).
 */
record MessageView(long id, Long candidateId, String candidateName, Instant createdAt, String purpose, String channel,
		String to, String status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt, String sentVia,
		String text) {

	static MessageView of(OutgoingMessage m, String candidateName, boolean showText) {
		return new MessageView(m.id(), m.candidateId(), candidateName, m.createdAt(), m.purpose(), m.channel().name(),
				Addresses.masked(m.recipient()), m.status().name(), m.attempts(), m.nextAttemptAt(), m.lastError(),
				m.sentAt(), m.sentVia(), showText ? (m.subject() == null ? m.body() : m.subject() + "\n\n" + m.body()) : null);
	}
}
