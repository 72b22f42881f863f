package dk.vaerdig.messaging.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.RetentionCutoff;
import dk.vaerdig.access.RetentionSource;

/**
 * Sent and failed messages (with their phone numbers, addresses and texts) are deleted when their period, counted from
 * when they were queued, has run out; a message still queued for another attempt stays.
 */
@Component
class SentMessageRetention implements RetentionSource {

	private final JdbcClient jdbc;

	SentMessageRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "sent-message";
	}

	@Override
	public RetentionAction action() {
		return RetentionAction.DELETE;
	}

	@Override
	public Expired expired(RetentionCutoff cutoff) {
		return jdbc.sql("""
				SELECT count(*), CAST(min(created_at) AS DATE) FROM outgoing_message
				WHERE status <> 'QUEUED' AND created_at < ?""")
			.param(cutoff.sqlTimestamp())
			.query(Expired::read)
			.single();
	}

	@Override
	public int remove(RetentionCutoff cutoff, int limit) {
		return jdbc.sql("""
				DELETE FROM outgoing_message x USING (
				  SELECT id FROM outgoing_message WHERE status <> 'QUEUED' AND created_at < ?
				  ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED) d
				WHERE x.id = d.id""")
			.params(cutoff.sqlTimestamp(), limit)
			.update();
	}
}
