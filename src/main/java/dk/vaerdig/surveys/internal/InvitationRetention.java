package dk.vaerdig.surveys.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.SqlRetentionSource;

/**
 * A survey invitation knows the candidate only so that an answer asking for contact can be linked: once it has
 * expired (used or not) it is deleted after a short while, and a kiosk still holding it is freed. The answers never
 * pointed at it, and the response-rate rollups keep their counts.
 */
@Component
class InvitationRetention extends SqlRetentionSource {

	InvitationRetention(JdbcClient jdbc) {
		super(jdbc, "survey-invitation", RetentionAction.DELETE, 100, Cutoff.TIMESTAMP,
				"SELECT count(*), CAST(min(expires_at) AS DATE) FROM survey_invitation WHERE expires_at < ?",
				"""
				WITH doomed AS (
				  SELECT id FROM survey_invitation WHERE expires_at < ? ORDER BY expires_at, id LIMIT ?
				  FOR UPDATE SKIP LOCKED),
				k AS (UPDATE survey_kiosk x SET invitation_id = NULL, assigned_at = NULL FROM doomed d
				      WHERE x.invitation_id = d.id)
				DELETE FROM survey_invitation x USING doomed d WHERE x.id = d.id""");
	}
}
