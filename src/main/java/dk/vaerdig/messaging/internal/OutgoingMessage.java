package dk.vaerdig.messaging.internal;

import java.time.Instant;

/**
 * A message in the outbox: to whom, what, why, and how far its delivery has come.
 *
 * @param sentVia the sender that delivered it: {@code sms-gateway}, {@code smtp} or {@code development}
 * @param lastError why the last attempt failed, without personal data (a status code, an exception's class)
 * @param candidateId the candidate it is to, or null for a message that belongs to no case (a pop-up booking)
 * @param teamId the candidate's team, or the team that owns a message without a candidate; null only for messages
 *        from before {@code V105} that could not be traced
 */
public record OutgoingMessage(long id, String idempotencyKey, Channel channel, String recipient, String subject,
		String body, String purpose, Status status, int attempts, Instant nextAttemptAt, String lastError,
		Instant createdAt, Instant sentAt, String sentVia, Long candidateId, Long teamId) {
}
