package dk.vaerdig.casework.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.casework.TimelineEntry;
import dk.vaerdig.casework.TimelineSource;

/** Exemptions registered and ended, and changes of target group, on the case's timeline. */
@Component
class ExemptionTimeline implements TimelineSource {

	private final JdbcClient jdbc;

	ExemptionTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TimelineEntry> entries(long candidateId, int limit) {
		List<TimelineEntry> entries = new ArrayList<>();
		jdbc.sql("""
				SELECT kind, reason, starts_on, ends_on, created_by, created_at, ended_on, end_reason, ended_by, ended_at
				FROM reform_exemption WHERE candidate_id = ? ORDER BY created_at DESC LIMIT ?""")
			.params(candidateId, limit)
			.query(rs -> {
				String kind = rs.getString("kind");
				entries.add(new TimelineEntry(rs.getTimestamp("created_at").toInstant(),
						"casework.timeline.exemption." + kind, rs.getDate("starts_on").toLocalDate() + " – "
								+ rs.getDate("ends_on").toLocalDate() + ": " + rs.getString("reason"),
						rs.getString("created_by")));
				if (rs.getTimestamp("ended_at") != null) {
					entries.add(new TimelineEntry(rs.getTimestamp("ended_at").toInstant(), "casework.timeline.exemptionEnded",
							rs.getDate("ended_on").toLocalDate() + ": " + rs.getString("end_reason"),
							rs.getString("ended_by")));
				}
			});
		jdbc.sql("""
				SELECT from_code, to_code, changed_on, recorded_by, recorded_at FROM target_group_change
				WHERE candidate_id = ? ORDER BY recorded_at DESC LIMIT ?""")
			.params(candidateId, limit)
			.query(rs -> {
				entries.add(new TimelineEntry(rs.getTimestamp("recorded_at").toInstant(), "casework.timeline.groupChanged",
						rs.getString("from_code") + " → " + rs.getString("to_code") + ", "
								+ rs.getDate("changed_on").toLocalDate(),
						rs.getString("recorded_by")));
			});
		entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
		return entries.size() > limit ? entries.subList(0, limit) : entries;
	}
}
