package dk.vaerdig.letters.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.SqlRetentionSource;

/**
 * Letters sent to a candidate are part of the case file: 5 years after the case was closed they are deleted, with
 * their copy in the development outbox, before the case file itself. Templates are no personal data and stay.
 */
@Component
class LetterRetention extends SqlRetentionSource {

	LetterRetention(JdbcClient jdbc) {
		super(jdbc, "letter", RetentionAction.DELETE, 20, Cutoff.DATE,
				"""
				SELECT count(*), min(c.closed_on) FROM closed_case_file c JOIN letter_sent l ON l.candidate_id = c.candidate_id
				WHERE c.closed_on < ?""",
				"""
				WITH doomed AS (
				  SELECT l.id FROM closed_case_file c JOIN letter_sent l ON l.candidate_id = c.candidate_id
				  WHERE c.closed_on < ? ORDER BY l.id LIMIT ? FOR UPDATE OF l SKIP LOCKED),
				o AS (DELETE FROM letter_outbox x USING doomed d WHERE x.letter_id = d.id)
				DELETE FROM letter_sent x USING doomed d WHERE x.id = d.id""");
	}
}
