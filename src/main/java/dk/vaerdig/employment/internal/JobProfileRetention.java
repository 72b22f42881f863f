package dk.vaerdig.employment.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.RetentionCutoff;
import dk.vaerdig.access.SqlRetentionSource;

/**
 * The candidate's job profile is part of the case file: competences, wishes, job proposals and their answers, and
 * jobdating invitations and meetings are deleted 5 years after the case was closed. A record is one row of these.
 */
@Component
class JobProfileRetention extends SqlRetentionSource {

	private static final String ROWS = """
			SELECT candidate_id FROM competence UNION ALL SELECT candidate_id FROM job_wish
			UNION ALL SELECT candidate_id FROM job_proposal UNION ALL SELECT candidate_id FROM jobdating_candidate
			UNION ALL SELECT candidate_id FROM jobdating_meeting""";

	JobProfileRetention(JdbcClient jdbc) {
		super(jdbc, "job-profile", RetentionAction.DELETE, 30, Cutoff.DATE,
				"SELECT count(*), min(c.closed_on) FROM closed_case_file c JOIN (" + ROWS
						+ ") r ON r.candidate_id = c.candidate_id WHERE c.closed_on < ?",
				"""
				WITH doomed AS (
				  SELECT c.candidate_id AS id FROM closed_case_file c WHERE c.closed_on < ?
				    AND c.candidate_id IN (""" + ROWS + """
				)
				  ORDER BY c.closed_on, c.candidate_id LIMIT ?),
				jm AS (DELETE FROM jobdating_meeting x USING doomed d WHERE x.candidate_id = d.id RETURNING 1),
				jc AS (DELETE FROM jobdating_candidate x USING doomed d WHERE x.candidate_id = d.id RETURNING 1),
				p AS (DELETE FROM job_proposal x USING doomed d WHERE x.candidate_id = d.id RETURNING 1),
				w AS (DELETE FROM job_wish x USING doomed d WHERE x.candidate_id = d.id RETURNING 1),
				k AS (DELETE FROM competence x USING doomed d WHERE x.candidate_id = d.id RETURNING 1)
				SELECT (SELECT count(*) FROM jm) + (SELECT count(*) FROM jc) + (SELECT count(*) FROM p)
				  + (SELECT count(*) FROM w) + (SELECT count(*) FROM k)""");
	}

	/**
	 * Takes up to {@code limit} closed cases that have a job profile and deletes all of it; returns the rows (the sum
	 * over the five tables, which the statement selects: no single update count holds it).
	 */
	@Override
	public int remove(RetentionCutoff cutoff, int limit) {
		return jdbc().sql(removeSql()).params(parameter(cutoff), limit).query(Integer.class).single();
	}
}
