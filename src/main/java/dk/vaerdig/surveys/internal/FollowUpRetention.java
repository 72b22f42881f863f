package dk.vaerdig.surveys.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.RetentionCutoff;
import dk.vaerdig.access.RetentionSource;

/**
 * A follow-up is the one place an answer is linked to a candidate: a while after it was closed (resolved or the
 * candidate unreachable) it is deleted, and the answer is anonymous again. Open follow-ups stay.
 */
@Component
class FollowUpRetention implements RetentionSource {

	private final JdbcClient jdbc;

	FollowUpRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "follow-up";
	}

	@Override
	public RetentionAction action() {
		return RetentionAction.DELETE;
	}

	@Override
	public Expired expired(RetentionCutoff cutoff) {
		return jdbc.sql("SELECT count(*), CAST(min(closed_at) AS DATE) FROM survey_follow_up WHERE closed_at < ?")
			.param(cutoff.sqlTimestamp())
			.query(Expired::read)
			.single();
	}

	@Override
	public int remove(RetentionCutoff cutoff, int limit) {
		return jdbc.sql("""
				DELETE FROM survey_follow_up x USING (
				  SELECT id FROM survey_follow_up WHERE closed_at < ? ORDER BY closed_at, id LIMIT ?
				  FOR UPDATE SKIP LOCKED) d
				WHERE x.id = d.id""")
			.params(cutoff.sqlTimestamp(), limit)
			.update();
	}
}
