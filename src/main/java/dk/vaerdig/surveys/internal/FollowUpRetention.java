package dk.vaerdig.surveys.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.SqlRetentionSource;

/**
 * A follow-up is the one place an answer is linked to a candidate: a while after it was closed (resolved or the
 * candidate unreachable) it is deleted, and the answer is anonymous again. Open follow-ups stay.
 */
@Component
class FollowUpRetention extends SqlRetentionSource {

	FollowUpRetention(JdbcClient jdbc) {
		super(jdbc, "follow-up", RetentionAction.DELETE, 100, Cutoff.TIMESTAMP,
				"SELECT count(*), CAST(min(closed_at) AS DATE) FROM survey_follow_up WHERE closed_at < ?",
				"""
				DELETE FROM survey_follow_up x USING (
				  SELECT id FROM survey_follow_up WHERE closed_at < ? ORDER BY closed_at, id LIMIT ?
				  FOR UPDATE SKIP LOCKED) d
				WHERE x.id = d.id""");
	}
}
