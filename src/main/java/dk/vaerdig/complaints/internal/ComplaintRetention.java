package dk.vaerdig.complaints.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.SqlRetentionSource;

/**
 * Complaints are anonymised 5 years after the candidate's case was closed: the candidate (set to 0, no candidate),
 * what they said, the decision it was about, the reasons for a late complaint and the reassessment's text go; the
 * team, channel, dates, category, themes, outcome and appeals result stay for the statistics and learning.
 */
@Component
class ComplaintRetention extends SqlRetentionSource {

	ComplaintRetention(JdbcClient jdbc) {
		super(jdbc, "complaint", RetentionAction.ANONYMISE, 40, Cutoff.DATE,
				"""
				SELECT count(*), min(c.closed_on) FROM closed_case_file c JOIN complaint k ON k.candidate_id = c.candidate_id
				WHERE c.closed_on < ?""",
				"""
				UPDATE complaint x SET candidate_id = 0, what_candidate_says = '', decision_ref = '',
				  late_reason = CASE WHEN x.late THEN '' END, reassessment = NULL, anonymised_on = CURRENT_DATE,
				  version = x.version + 1
				FROM (SELECT k.id FROM closed_case_file c JOIN complaint k ON k.candidate_id = c.candidate_id
				      WHERE c.closed_on < ? ORDER BY k.id LIMIT ? FOR UPDATE OF k SKIP LOCKED) d
				WHERE x.id = d.id""");
	}
}
