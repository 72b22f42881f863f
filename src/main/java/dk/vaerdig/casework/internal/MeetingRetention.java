package dk.vaerdig.casework.internal;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.RetentionCutoff;
import dk.vaerdig.access.RetentionSource;

/**
 * Meetings (with their agenda, what was talked about, the candidate's wishes, the next step and the agreements made
 * at them) are part of the case file: they are deleted 5 years after the case was closed, before the case file
 * itself, a batch at a time. A request for a new caseworker made at a meeting keeps the request, without the meeting.
 */
@Component
class MeetingRetention implements RetentionSource {

	private final JdbcClient jdbc;

	/**
	 * Where the last batch of this run ended, in the order of closed cases (closed day, candidate id): every case before
	 * it has no meeting left that was not locked, so the next batch need not walk them again. Only a shortcut: it is
	 * forgotten when the cutoff changes or the kind is done, and the first batch of a run starts from the beginning.
	 */
	private volatile Position position;

	MeetingRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "meeting";
	}

	@Override
	public RetentionAction action() {
		return RetentionAction.DELETE;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Expired expired(RetentionCutoff cutoff) {
		return jdbc.sql("""
				SELECT count(*), min(c.course_closed_on) FROM candidate c JOIN meeting m ON m.candidate_id = c.id
				WHERE c.course_closed_on < ?""")
			.param(cutoff.sqlDate())
			.query(Expired::read)
			.single();
	}

	@Override
	public int remove(RetentionCutoff cutoff, int limit) {
		Position from = position;
		if (from == null || !from.cutoff().equals(cutoff.date())) {
			from = new Position(cutoff.date(), LocalDate.of(1, 1, 1), 0);
		}
		var deleted = jdbc.sql("""
				WITH doomed AS (
				  SELECT m.id, c.course_closed_on AS closed_on, c.id AS candidate_id
				  FROM candidate c JOIN meeting m ON m.candidate_id = c.id
				  WHERE c.course_closed_on < ? AND (c.course_closed_on, c.id) >= (?, ?)
				  ORDER BY c.course_closed_on, c.id LIMIT ? FOR UPDATE OF m SKIP LOCKED),
				a AS (DELETE FROM agreement x USING doomed d WHERE x.meeting_id = d.id),
				r AS (UPDATE caseworker_change_request x SET meeting_id = NULL FROM doomed d WHERE x.meeting_id = d.id),
				gone AS (DELETE FROM meeting x USING doomed d WHERE x.id = d.id RETURNING x.id)
				SELECT (SELECT count(*) FROM gone) AS n, max(closed_on) AS closed_on,
				  max(candidate_id) FILTER (WHERE closed_on = (SELECT max(closed_on) FROM doomed)) AS candidate_id
				FROM doomed""")
			.params(cutoff.sqlDate(), Date.valueOf(from.closedOn()), from.candidateId(), limit)
			.query((rs, n) -> new Object[] { rs.getInt("n"), rs.getDate("closed_on"), rs.getLong("candidate_id") })
			.single();
		int n = (Integer) deleted[0];
		// the last case of this batch may have meetings left: the next batch starts at it, not after it
		position = n < limit ? null
				: new Position(cutoff.date(), ((Date) deleted[1]).toLocalDate(), (Long) deleted[2]);
		return n;
	}

	private record Position(LocalDate cutoff, LocalDate closedOn, long candidateId) {
	}
}
