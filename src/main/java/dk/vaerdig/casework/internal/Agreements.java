package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Agreements made at meetings: who does what by when. Open ones are carried to the next meeting's agenda. */
@Service
public class Agreements {

	public enum Responsible {
		CANDIDATE, CASEWORKER, TOGETHER
	}

	/**
	 * @param candidateDoneAt when the candidate marked it done on Min side (the caseworker closes it), or null
	 * @param candidateDoneNote the candidate's short note with the mark, or null
	 */
	public record Agreement(long id, long candidateId, Long meetingId, Responsible responsible, String what,
			LocalDate dueDate, String status, Instant createdAt, Instant candidateDoneAt, String candidateDoneNote) {

		public boolean open() {
			return "OPEN".equals(status);
		}
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Agreements(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<Agreement> open(long candidateId) {
		return jdbc.sql("SELECT * FROM agreement WHERE candidate_id = ? AND status = 'OPEN' ORDER BY due_date NULLS LAST, id")
			.param(candidateId)
			.query(Agreement.class)
			.list();
	}

	public List<Agreement> ofMeeting(long meetingId) {
		return jdbc.sql("SELECT * FROM agreement WHERE meeting_id = ? ORDER BY id")
			.param(meetingId)
			.query(Agreement.class)
			.list();
	}

	void add(long candidateId, long meetingId, Responsible responsible, String what, LocalDate dueDate) {
		jdbc.sql("""
				INSERT INTO agreement (candidate_id, meeting_id, responsible, what, due_date, status, created_at)
				VALUES (?, ?, ?, ?, ?, 'OPEN', ?)""")
			.params(candidateId, meetingId, responsible.name(), what.strip(), dueDate, Timestamp.from(clock.instant()))
			.update();
	}

	/** Closes the given open agreements of the candidate; ids of other candidates are ignored. */
	void complete(long candidateId, Collection<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE agreement SET status = 'DONE', closed_at = :now
				WHERE candidate_id = :candidate AND status = 'OPEN' AND id IN (:ids)""")
			.param("now", Timestamp.from(clock.instant()))
			.param("candidate", candidateId)
			.param("ids", ids)
			.update();
	}
}
