package dk.vaerdig.surveys.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.platform.Texts;

/**
 * The follow-up queue: candidates who said they have unanswered questions and asked to be contacted. The deadline is
 * counted in working days; a task past its deadline is escalated to the team lead; the time to close is measured.
 */
@Service
public class FollowUps {

	public enum Status {
		NEW, CONTACTED, RESOLVED, UNREACHABLE;

		public boolean closed() {
			return this == RESOLVED || this == UNREACHABLE;
		}
	}

	public record FollowUp(long id, long candidateId, String candidateName, long teamId, String teamName,
			String preferredChannel, String preferredTime, Instant createdAt, LocalDate dueOn, Status status, String note,
			String handledBy, Instant closedAt, int version, boolean overdue) {
	}

	public record Closure(long closed, Double averageHours, Double medianHours, long closedInTime) {
	}

	private final JdbcClient jdbc;

	private final StaffDirectory staff;

	private final AuditLog audit;

	private final Clock clock;

	private final Casework casework;

	FollowUps(JdbcClient jdbc, StaffDirectory staff, AuditLog audit, Clock clock, Casework casework) {
		this.casework = casework;
		this.jdbc = jdbc;
		this.staff = staff;
		this.audit = audit;
		this.clock = clock;
	}

	private static final String SELECT = """
			SELECT f.id, f.candidate_id, f.team_id, f.preferred_channel, f.preferred_time, f.created_at, f.due_on,
			       f.status, f.note, f.handled_by, f.closed_at, f.version,
			       (f.status IN ('NEW', 'CONTACTED') AND f.due_on < :today) AS overdue
			FROM survey_follow_up f
			""";

	private record Row(long id, long candidateId, long teamId, String preferredChannel, String preferredTime,
			Instant createdAt, LocalDate dueOn, Status status, String note, String handledBy, Instant closedAt,
			int version, boolean overdue) {
	}

	/** Adds the candidates' names (from casework) and the teams' names (from access) to the rows. */
	private List<FollowUp> named(List<Row> rows) {
		var names = casework.names(rows.stream().map(Row::candidateId).distinct().toList());
		var teams = staff.teams().stream().collect(Collectors.toMap(t -> t.id(), t -> t.name()));
		return rows.stream()
			.map(r -> new FollowUp(r.id(), r.candidateId(), names.getOrDefault(r.candidateId(), "?"), r.teamId(),
					teams.getOrDefault(r.teamId(), "?"), r.preferredChannel(), r.preferredTime(), r.createdAt(), r.dueOn(),
					r.status(), r.note(), r.handledBy(), r.closedAt(), r.version(), r.overdue()))
			.toList();
	}

	/**
	 * The open tasks the signed-in user handles: their team's, or every team's for a manager. With
	 * {@code onlyOverdue} the escalated ones, which a team lead sees first.
	 */
	public List<FollowUp> queue(boolean includeClosed, boolean onlyOverdue) {
		StaffMember me = staff.currentStaff();
		Long team = scope(me);
		return named(jdbc.sql(SELECT + """
				WHERE (CAST(:team AS BIGINT) IS NULL OR f.team_id = :team)
				  AND (:closed OR f.status IN ('NEW', 'CONTACTED'))
				  AND (NOT :overdue OR (f.status IN ('NEW', 'CONTACTED') AND f.due_on < :today))
				ORDER BY f.status IN ('RESOLVED', 'UNREACHABLE'), f.due_on, f.id LIMIT 200""")
			.param("team", team)
			.param("closed", includeClosed)
			.param("overdue", onlyOverdue)
			.param("today", LocalDate.now(clock))
			.query(Row.class)
			.list());
	}

	/** One task, for the person handling it; reading it is a use of the candidate's data and is logged. */
	@Transactional
	public FollowUp open(long id) {
		FollowUp f = find(id);
		audit.record(f.candidateId(), AuditAction.VIEW_DOCUMENT, "survey follow-up " + id);
		return f;
	}

	private FollowUp find(long id) {
		// another team's task answers as a missing one: ids cannot be probed
		Long team = scope(staff.currentStaff());
		FollowUp f = named(jdbc.sql(SELECT + " WHERE f.id = :id")
			.param("id", id)
			.param("today", LocalDate.now(clock))
			.query(Row.class)
			.list()).stream()
			.findFirst()
			.orElseThrow(NotFoundOrNoAccess::new);
		if (team != null && team != f.teamId()) {
			throw new NotFoundOrNoAccess();
		}
		return f;
	}

	/** Records what was done; the version guards against two people handling the same task at once. */
	@Transactional
	public void update(long id, Status status, String note, int version) {
		FollowUp f = find(id);
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE survey_follow_up SET status = ?, note = ?, handled_by = ?, version = version + 1,
				  closed_at = CASE WHEN ? THEN coalesce(closed_at, ?) ELSE NULL END
				WHERE id = ? AND version = ?""")
			.params(status.name(), Texts.blankToNull(note), staff.currentStaff().username(),
					status.closed(), Timestamp.from(now), id, version)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("surveys.followUp.changed");
		}
		audit.record(f.candidateId(), AuditAction.CHANGE, "survey follow-up " + id + " " + status);
	}

	/** How quickly tasks were closed, in hours from the answer to the close, and how many within their deadline. */
	public Closure closure(Long team, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT count(*) AS closed,
				       avg(extract(epoch FROM closed_at - created_at) / 3600) AS average_hours,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at) / 3600) AS median_hours,
				       count(*) FILTER (WHERE CAST(closed_at AS DATE) <= due_on) AS closed_in_time
				FROM survey_follow_up
				WHERE closed_at IS NOT NULL AND (CAST(:team AS BIGINT) IS NULL OR team_id = :team)
				  AND created_at >= :from AND created_at < :to""")
			.param("team", team)
			.param("from", Timestamp.valueOf(from.atStartOfDay()))
			.param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
			.query(Closure.class)
			.single();
	}

	public boolean mayHandle(StaffMember me) {
		return me.may(Permission.FOLLOW_UP_ANSWERS);
	}

	private Long scope(StaffMember me) {
		if (!mayHandle(me)) {
			throw new AccessDeniedException("surveys.followUp.denied");
		}
		return me.teamScope();
	}
}
