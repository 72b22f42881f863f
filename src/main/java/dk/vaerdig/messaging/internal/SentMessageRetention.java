package dk.vaerdig.messaging.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.SqlRetentionSource;

/**
 * Sent and failed messages (with their phone numbers, addresses and texts) are deleted when their period, counted from
 * when they were queued, has run out; a message still queued for another attempt stays.
 */
@Component
class SentMessageRetention extends SqlRetentionSource {

	SentMessageRetention(JdbcClient jdbc) {
		super(jdbc, "sent-message", RetentionAction.DELETE, 100, Cutoff.TIMESTAMP,
				"""
				SELECT count(*), CAST(min(created_at) AS DATE) FROM outgoing_message
				WHERE status <> 'QUEUED' AND created_at < ?""",
				"""
				DELETE FROM outgoing_message x USING (
				  SELECT id FROM outgoing_message WHERE status <> 'QUEUED' AND created_at < ?
				  ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED) d
				WHERE x.id = d.id""");
	}
}
