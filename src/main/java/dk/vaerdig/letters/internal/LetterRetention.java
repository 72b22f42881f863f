package dk.vaerdig.letters.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.RetentionCutoff;
import dk.vaerdig.access.RetentionSource;

/**
 * Letters sent to a candidate are part of the case file: 5 years after the case was closed they are deleted, with
 * their copy in the development outbox, before the case file itself. Templates are no personal data and stay.
 */
@Component
class LetterRetention implements RetentionSource {

	private final JdbcClient jdbc;

	LetterRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "letter";
	}

	@Override
	public RetentionAction action() {
		return RetentionAction.DELETE;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Expired expired(RetentionCutoff cutoff) {
		return jdbc.sql("""
				SELECT count(*), min(c.closed_on) FROM closed_case_file c JOIN letter_sent l ON l.candidate_id = c.candidate_id
				WHERE c.closed_on < ?""")
			.param(cutoff.sqlDate())
			.query(Expired::read)
			.single();
	}

	@Override
	public int remove(RetentionCutoff cutoff, int limit) {
		return jdbc.sql("""
				WITH doomed AS (
				  SELECT l.id FROM closed_case_file c JOIN letter_sent l ON l.candidate_id = c.candidate_id
				  WHERE c.closed_on < ? ORDER BY l.id LIMIT ? FOR UPDATE OF l SKIP LOCKED),
				o AS (DELETE FROM letter_outbox x USING doomed d WHERE x.letter_id = d.id)
				DELETE FROM letter_sent x USING doomed d WHERE x.id = d.id""")
			.params(cutoff.sqlDate(), limit)
			.update();
	}
}
