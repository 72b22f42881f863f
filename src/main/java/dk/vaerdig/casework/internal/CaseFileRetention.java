package dk.vaerdig.casework.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.SqlRetentionSource;

/**
 * The case file (KLE P1825D): 5 years after the case was closed ({@code candidate.course_closed_on}) the candidate
 * is deleted with everything casework keeps about them: the case story, notes, agreements, the plan and its offers,
 * handovers, requests for a new caseworker, messages written to them, the course's outcomes and ordinary hours,
 * and any meeting still left. It runs after the
 * kinds that point at the case file (meetings, letters, job profile, complaints). An open case (no closed date) is
 * never deleted.
 */
@Component
class CaseFileRetention extends SqlRetentionSource {

	CaseFileRetention(JdbcClient jdbc) {
		super(jdbc, "case-file", RetentionAction.DELETE, 900, Cutoff.DATE,
				"SELECT count(*), min(course_closed_on) FROM candidate WHERE course_closed_on < ?",
				// one statement: the foreign keys are checked at its end, when the candidate and every row on it are gone
				"""
				WITH doomed AS (
				  SELECT id FROM candidate WHERE course_closed_on < ? ORDER BY course_closed_on, id LIMIT ?
				  FOR UPDATE SKIP LOCKED),
				a AS (DELETE FROM agreement x USING doomed d WHERE x.candidate_id = d.id),
				r AS (DELETE FROM caseworker_change_request x USING doomed d WHERE x.candidate_id = d.id),
				m AS (DELETE FROM meeting x USING doomed d WHERE x.candidate_id = d.id),
				s AS (DELETE FROM case_story x USING doomed d WHERE x.candidate_id = d.id),
				n AS (DELETE FROM case_note x USING doomed d WHERE x.candidate_id = d.id),
				g AS (DELETE FROM plan_goal x USING doomed d WHERE x.candidate_id = d.id),
				o AS (DELETE FROM offer x USING doomed d WHERE x.candidate_id = d.id),
				h AS (DELETE FROM handover x USING doomed d WHERE x.candidate_id = d.id),
				cm AS (DELETE FROM candidate_message x USING doomed d WHERE x.candidate_id = d.id),
				co AS (DELETE FROM course_outcome x USING doomed d WHERE x.candidate_id = d.id),
				oh AS (DELETE FROM ordinary_hours x USING doomed d WHERE x.candidate_id = d.id)
				DELETE FROM candidate c USING doomed d WHERE c.id = d.id""");
	}
}
