package dk.vaerdig.employment.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.casework.TimelineEntry;
import dk.vaerdig.casework.TimelineSource;

/** Job proposals and the candidate's answers on the case's timeline. */
@Component
class ProposalsOnTimeline implements TimelineSource {

	private final JdbcClient jdbc;

	ProposalsOnTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TimelineEntry> entries(long candidateId, int limit) {
		return jdbc.sql("""
				SELECT p.proposed_at AS at, j.title || ', ' || c.name AS text, p.proposed_by AS actor, p.answer
				FROM job_proposal p JOIN opening j ON j.id = p.opening_id JOIN company c ON c.id = j.company_id
				WHERE p.candidate_id = ? ORDER BY p.proposed_at DESC LIMIT ?""")
			.params(candidateId, limit)
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(),
					"employment.timeline." + rs.getString("answer"), rs.getString("text"), rs.getString("actor")))
			.list();
	}
}
