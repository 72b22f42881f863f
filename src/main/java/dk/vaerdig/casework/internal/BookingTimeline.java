package dk.vaerdig.casework.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.casework.TimelineEntry;
import dk.vaerdig.casework.TimelineSource;

/**
 * Selvbook on the case's timeline: what the candidate booked, moved and cancelled (the actor "kandidaten"), and the
 * exemptions from self-booking registered and ended by staff.
 */
@Component
class BookingTimeline implements TimelineSource {

	private final JdbcClient jdbc;

	private final String zone;

	BookingTimeline(JdbcClient jdbc, dk.vaerdig.platform.PlatformSettings settings) {
		this.jdbc = jdbc;
		this.zone = settings.zone().getId();
	}

	@Override
	public List<TimelineEntry> entries(long candidateId, int limit) {
		return jdbc.sql("""
				SELECT * FROM (
				  SELECT at, 'selvbook.timeline.' || action AS kind,
				         to_char(starts_at AT TIME ZONE :zone, 'DD-MM-YYYY HH24:MI') AS text, actor
				  FROM booking_action WHERE candidate_id = :id
				  UNION ALL
				  SELECT created_at, 'selvbook.timeline.exempted.' || reason, note, created_by
				  FROM booking_exemption WHERE candidate_id = :id
				  UNION ALL
				  SELECT ended_at, 'selvbook.timeline.exemptionEnded', NULL, ended_by
				  FROM booking_exemption WHERE candidate_id = :id AND ended_at IS NOT NULL
				) t ORDER BY at DESC LIMIT :limit""")
			.param("id", candidateId)
			.param("limit", limit)
			.param("zone", zone)
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
					rs.getString("text"), rs.getString("actor")))
			.list();
	}
}
