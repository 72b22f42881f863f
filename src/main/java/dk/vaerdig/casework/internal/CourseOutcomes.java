package dk.vaerdig.casework.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.casework.CourseOutcome;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/**
 * Closing a course with its outcome, reopening it, and the progression in ordinary hours. Closing writes a row of
 * {@code course_outcome} and sets the candidate's {@code course_closed_on} (from which retention counts); reopening
 * keeps that row and records why, so the history of closings stays. A reopening as a new course records whether the
 * person came back within 3 and 12 months of the closing (lasting solutions), computed from the dates.
 * <p>
 * Both close and reopen name the version of the case they were shown (optimistic locking: two people closing or
 * reopening at once, or the case changed meanwhile, and the second is refused); a second submit of the same
 * closing form is recognised by its request id and closes nothing more.
 */
@Service
public class CourseOutcomes {

	/** How a course was reopened. */
	public enum ReopenKind {
		/** The person came back: a new course begins. Counts as back on benefits for the closing before. */
		NEW_COURSE,
		/** The course was closed by mistake: the closing is withdrawn from the figures. */
		CORRECTION
	}

	/** What a submission did: {@code DONE}, or {@code ALREADY_DONE} when it was the same submission again. */
	public enum Result {
		DONE, ALREADY_DONE
	}

	public record Outcome(long id, LocalDate courseStarted, LocalDate closedOn, CourseOutcome outcome,
			BigDecimal weeklyHours, String closedBy, Instant closedAt, String reopenKind, LocalDate reopenedOn,
			String reopenReason, String reopenedBy, Instant reopenedAt, Boolean backWithin3Months,
			Boolean backWithin12Months) {

		public boolean standing() {
			return reopenedAt == null;
		}
	}

	public record Closing(CourseOutcome outcome, LocalDate closedOn, BigDecimal weeklyHours, int version,
			UUID requestId) {
	}

	public record Reopening(ReopenKind kind, LocalDate newCourseStarts, String reason, long outcomeId, int version) {
	}

	public record Hours(long id, LocalDate fromDate, BigDecimal weeklyHours, String recordedBy, Instant recordedAt) {
	}

	/** A value that the rules refuse, with the form field it belongs to and the message key. */
	public static class Refused extends RuntimeException {

		private final String field;

		Refused(String field, String messageKey) {
			super(messageKey);
			this.field = field;
		}

		public String field() {
			return field;
		}
	}

	private final JdbcClient jdbc;

	private final Candidates candidates;

	private final CaseAccess access;

	private final Timeliness timeliness;

	private final AuditLog audit;

	private final Clock clock;

	CourseOutcomes(JdbcClient jdbc, Candidates candidates, CaseAccess access, Timeliness timeliness, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.candidates = candidates;
		this.access = access;
		this.timeliness = timeliness;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every closing of the candidate's courses, newest first; reading them is the caller's to log. */
	public List<Outcome> history(long candidateId) {
		return jdbc.sql("""
				SELECT id, course_started, closed_on, outcome, weekly_hours, closed_by, closed_at, reopen_kind,
				       reopened_on, reopen_reason, reopened_by, reopened_at,
				       back_within_3_months AS back_within3_months, back_within_12_months AS back_within12_months
				FROM course_outcome WHERE candidate_id = ? ORDER BY closed_at DESC, id DESC""")
			.param(candidateId)
			.query(Outcome.class)
			.list();
	}

	/** The closing that stands (the course is closed by it), if any. */
	public Optional<Outcome> standing(long candidateId) {
		return history(candidateId).stream().filter(Outcome::standing).findFirst();
	}

	/** The meetings still planned: closing the course cancels them. */
	public long plannedMeetings(long candidateId) {
		return jdbc.sql("SELECT count(*) FROM meeting WHERE candidate_id = ? AND status = 'PLANNED'")
			.param(candidateId)
			.query(Long.class)
			.single();
	}

	/** Every value of a closing that the rules refuse, for the form (empty when it may be saved). */
	public List<Refused> problems(Candidate candidate, Closing c) {
		List<Refused> problems = new ArrayList<>();
		if (c.closedOn().isAfter(timeliness.today())) {
			problems.add(new Refused("closedOn", "form.notInFuture"));
		}
		else if (c.closedOn().isBefore(candidate.getCourseStarted())) {
			problems.add(new Refused("closedOn", "casework.outcome.beforeCourse"));
		}
		if (c.outcome().isJob() && c.weeklyHours() == null) {
			problems.add(new Refused("weeklyHours", "casework.outcome.hoursRequired"));
		}
		else if (c.weeklyHours() != null
				&& (c.weeklyHours().signum() <= 0 || c.weeklyHours().compareTo(BigDecimal.valueOf(80)) > 0)) {
			problems.add(new Refused("weeklyHours", "casework.hours.range"));
		}
		return problems;
	}

	/**
	 * Closes the course with its outcome; planned meetings are cancelled and no meeting is due any more.
	 * @throws Refused for a value the rules refuse
	 * @throws OptimisticLockingFailureException when the case changed since the form was shown, or someone else
	 * closed it
	 */
	@Transactional
	public Result close(long candidateId, Closing c) {
		Candidate candidate = access.changeCourse(candidateId);
		if (Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM course_outcome WHERE request_id = ? AND candidate_id = ?)")
			.params(c.requestId(), candidateId)
			.query(Boolean.class)
			.single())) {
			return Result.ALREADY_DONE;
		}
		if (candidate.getVersion() != c.version() || candidate.isCourseClosed()) {
			throw new OptimisticLockingFailureException("casework.outcome.changed");
		}
		problems(candidate, c).stream().findFirst().ifPresent(p -> {
			throw p;
		});
		BigDecimal hours = c.outcome().isJob() ? c.weeklyHours() : null;
		candidate.closeCourse(c.closedOn());
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					INSERT INTO course_outcome (candidate_id, course_started, closed_on, outcome, weekly_hours, team_id,
					  target_group_code, closed_by, closed_at, request_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(candidateId, Date.valueOf(candidate.getCourseStarted()), Date.valueOf(c.closedOn()),
						c.outcome().name(), hours, candidate.getTeamId(), candidate.getTargetGroupCode(),
						access.me().username(), Timestamp.from(now), c.requestId())
				.update();
		}
		catch (DuplicateKeyException e) {
			// someone else closed the course a moment earlier
			throw new OptimisticLockingFailureException("casework.outcome.changed", e);
		}
		jdbc.sql("UPDATE meeting SET status = 'CANCELLED', version = version + 1 WHERE candidate_id = ? AND status = 'PLANNED'")
			.param(candidateId)
			.update();
		candidates.save(candidate);
		audit.record(candidateId, AuditAction.CHANGE, "course closed: " + c.outcome());
		return Result.DONE;
	}

	/**
	 * Reopens the course the given closing closed: as a new course from {@code newCourseStarts} (the person came
	 * back; whether within 3 and 12 months of the closing is recorded), or as a correction of a closing made by
	 * mistake. The next meeting is due again under the contact rule.
	 * @throws Refused for a value the rules refuse
	 * @throws OptimisticLockingFailureException when the case changed since the form was shown
	 */
	@Transactional
	public Result reopen(long candidateId, Reopening r) {
		Candidate candidate = access.changeCourse(candidateId);
		Outcome closing = history(candidateId).stream()
			.filter(o -> o.id() == r.outcomeId())
			.findFirst()
			.orElseThrow(NotFoundOrNoAccess::new);
		String me = access.me().username();
		if (!closing.standing()) {
			if (me.equals(closing.reopenedBy()) && r.kind().name().equals(closing.reopenKind()) && !candidate.isCourseClosed()) {
				return Result.ALREADY_DONE;
			}
			throw new OptimisticLockingFailureException("casework.outcome.changed");
		}
		if (candidate.getVersion() != r.version()) {
			throw new OptimisticLockingFailureException("casework.outcome.changed");
		}
		LocalDate today = timeliness.today();
		LocalDate reopenedOn = today;
		Boolean back3 = null;
		Boolean back12 = null;
		if (r.kind() == ReopenKind.NEW_COURSE) {
			if (r.newCourseStarts() == null) {
				throw new Refused("newCourseStarts", "form.required");
			}
			if (r.newCourseStarts().isAfter(today)) {
				throw new Refused("newCourseStarts", "form.notInFuture");
			}
			if (r.newCourseStarts().isBefore(closing.closedOn())) {
				throw new Refused("newCourseStarts", "casework.outcome.beforeClosing");
			}
			reopenedOn = r.newCourseStarts();
			back3 = !reopenedOn.isAfter(closing.closedOn().plusMonths(3));
			back12 = !reopenedOn.isAfter(closing.closedOn().plusMonths(12));
		}
		int updated = jdbc.sql("""
				UPDATE course_outcome SET reopen_kind = ?, reopened_on = ?, reopen_reason = ?, reopened_by = ?,
				  reopened_at = ?, back_within_3_months = ?, back_within_12_months = ?
				WHERE id = ? AND candidate_id = ? AND reopened_at IS NULL""")
			.params(r.kind().name(), Date.valueOf(reopenedOn), r.reason().strip(), me, Timestamp.from(clock.instant()),
					back3, back12, closing.id(), candidateId)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("casework.outcome.changed");
		}
		candidate.reopenCourse(r.kind() == ReopenKind.NEW_COURSE ? reopenedOn : null);
		(r.kind() == ReopenKind.NEW_COURSE || candidate.getLastMeetingOn() == null
				? timeliness.firstMeetingDue(candidate.getTargetGroupCode(), candidate.getCourseStarted())
				: timeliness.nextMeetingDue(candidate.getTargetGroupCode(), candidate.getLastMeetingOn()))
			.ifPresent(due -> candidate.scheduleNextMeeting(due.date(), due.rule().id()));
		candidates.save(candidate);
		audit.record(candidateId, AuditAction.CHANGE, "course reopened: " + r.kind());
		return Result.DONE;
	}

	/** The progression in ordinary hours, newest first. */
	public List<Hours> hours(long candidateId) {
		return jdbc.sql("""
				SELECT id, from_date, weekly_hours, recorded_by, recorded_at FROM ordinary_hours
				WHERE candidate_id = ? ORDER BY from_date DESC""")
			.param(candidateId)
			.query(Hours.class)
			.list();
	}

	/**
	 * Records the weekly ordinary hours from a date (once a day: the same figure again is a second submit and
	 * changes nothing).
	 * @throws Refused for a date in the future or before the course, or another figure for a day already recorded
	 */
	@Transactional
	public Result recordHours(long candidateId, LocalDate from, BigDecimal weeklyHours) {
		Candidate candidate = access.change(candidateId);
		if (from.isAfter(timeliness.today())) {
			throw new Refused("fromDate", "form.notInFuture");
		}
		if (from.isBefore(candidate.getCourseStarted())) {
			throw new Refused("fromDate", "casework.outcome.beforeCourse");
		}
		if (weeklyHours.signum() < 0 || weeklyHours.compareTo(BigDecimal.valueOf(80)) > 0) {
			throw new Refused("weeklyHours", "casework.hours.range");
		}
		int inserted = jdbc.sql("""
				INSERT INTO ordinary_hours (candidate_id, from_date, weekly_hours, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (candidate_id, from_date) DO NOTHING""")
			.params(candidateId, Date.valueOf(from), weeklyHours, access.me().username(), Timestamp.from(clock.instant()))
			.update();
		if (inserted == 1) {
			audit.record(candidateId, AuditAction.CHANGE, "ordinary hours");
			return Result.DONE;
		}
		BigDecimal existing = jdbc.sql("SELECT weekly_hours FROM ordinary_hours WHERE candidate_id = ? AND from_date = ?")
			.params(candidateId, Date.valueOf(from))
			.query(BigDecimal.class)
			.single();
		if (existing.compareTo(weeklyHours) == 0) {
			return Result.ALREADY_DONE;
		}
		throw new Refused("fromDate", "casework.hours.dateTaken");
	}
}
