package dk.vaerdig.surveys.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.RetentionCutoff;
import dk.vaerdig.access.RetentionSource;

/**
 * A survey invitation knows the candidate only so that an answer asking for contact can be linked: once it has
 * expired (used or not) it is deleted after a short while, and a kiosk still holding it is freed. The answers never
 * pointed at it, and the response-rate rollups keep their counts.
 */
@Component
class InvitationRetention implements RetentionSource {

	private final JdbcClient jdbc;

	InvitationRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "survey-invitation";
	}

	@Override
	public RetentionAction action() {
		return RetentionAction.DELETE;
	}

	@Override
	public Expired expired(RetentionCutoff cutoff) {
		return jdbc.sql("SELECT count(*), CAST(min(expires_at) AS DATE) FROM survey_invitation WHERE expires_at < ?")
			.param(cutoff.sqlTimestamp())
			.query(Expired::read)
			.single();
	}

	@Override
	public int remove(RetentionCutoff cutoff, int limit) {
		return jdbc.sql("""
				WITH doomed AS (
				  SELECT id FROM survey_invitation WHERE expires_at < ? ORDER BY expires_at, id LIMIT ?
				  FOR UPDATE SKIP LOCKED),
				k AS (UPDATE survey_kiosk x SET invitation_id = NULL, assigned_at = NULL FROM doomed d
				      WHERE x.invitation_id = d.id)
				DELETE FROM survey_invitation x USING doomed d WHERE x.id = d.id""")
			.params(cutoff.sqlTimestamp(), limit)
			.update();
	}
}
