package dk.vaerdig.casework.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.casework.internal.ReformCounts.ExemptionCell;
import dk.vaerdig.casework.internal.ReformPeople.Window;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/**
 * The exemption register of the reform: a caseworker exempts a candidate in the first 6 months from job conversations
 * and/or offers (counted against the 25 % ceiling), or from municipal follow-up while on sick leave from a job with an
 * expected return within 26 weeks (not counted). Every registration and ending is audit-logged and on the case's
 * timeline; an ending names the version it was shown, so two people ending at once are told.
 * <p>
 * The ceiling is enforced: an exemption that would take the share exempted in the month it begins above the ceiling
 * is refused (the month's group as it is registered now; concurrent registrations are serialised by an advisory lock).
 */
@Service
public class Exemptions {

	public enum Kind {
		CONVERSATIONS, OFFERS, CONVERSATIONS_AND_OFFERS, SICK_LEAVE;

		public boolean sickLeave() {
			return this == SICK_LEAVE;
		}
	}

	public record Exemption(long id, long candidateId, Kind kind, String reason, LocalDate startsOn, LocalDate endsOn,
			LocalDate expectedBack, String createdBy, Instant createdAt, LocalDate endedOn, String endReason,
			String endedBy, Instant endedAt, int version) {

		/** The last day in force. */
		public LocalDate lastDay() {
			return endedOn != null && endedOn.isBefore(endsOn) ? endedOn : endsOn;
		}

		public boolean ended() {
			return endedAt != null;
		}
	}

	public record Registration(Kind kind, String reason, LocalDate startsOn, LocalDate endsOn, LocalDate expectedBack,
			UUID requestId) {
	}

	public record Ending(long exemptionId, LocalDate endedOn, String reason, int version) {
	}

	/** A value the rules refuse: the form field and the message key, with arguments for the message. */
	public static class Refused extends RuntimeException {

		private final String field;

		private final Object[] args;

		Refused(String field, String messageKey, Object... args) {
			super(messageKey);
			this.field = field;
			this.args = args;
		}

		public String field() {
			return field;
		}

		public Object[] args() {
			return args;
		}
	}

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final ReformPeople people;

	private final ReformRules rules;

	private final ReformCounts counts;

	private final AuditLog audit;

	private final Clock clock;

	private final Timeliness timeliness;

	Exemptions(JdbcClient jdbc, CaseAccess access, ReformPeople people, ReformRules rules, ReformCounts counts,
			AuditLog audit, Clock clock, Timeliness timeliness) {
		this.timeliness = timeliness;
		this.jdbc = jdbc;
		this.access = access;
		this.people = people;
		this.rules = rules;
		this.counts = counts;
		this.audit = audit;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The candidate's exemptions, newest first; reading them is the caller's to log. */
	public List<Exemption> of(long candidateId) {
		return jdbc.sql("SELECT * FROM reform_exemption WHERE candidate_id = ? ORDER BY starts_on DESC, id DESC")
			.param(candidateId)
			.query(Exemption.class)
			.list();
	}

	private int windowMonths() {
		return rules.rules().stream().mapToInt(ReformRules.Rule::windowMonths).max().orElse(6);
	}

	/** The candidate's window that contains the day, if any. */
	public Optional<LocalDate[]> windowOn(long candidateId, LocalDate day) {
		return people.windowsOf(candidateId, windowMonths())
			.stream()
			.filter(w -> w.contains(day))
			.findFirst()
			.map(w -> new LocalDate[] { w.start(), w.lastDay() });
	}

	/**
	 * Registers an exemption. {@code true} when it was registered, {@code false} when the same request was
	 * registered before.
	 * @throws Refused when a rule refuses it
	 */
	@Transactional
	public boolean register(long candidateId, Registration r) {
		access.change(candidateId);
		if (jdbc.sql("SELECT count(*) FROM reform_exemption WHERE request_id = ?").param(r.requestId()).query(Long.class)
			.single() > 0) {
			return false;
		}
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('reform_exemption'))").query((rs, n) -> 1).list();
		LocalDate ends = check(candidateId, r);
		jdbc.sql("""
				INSERT INTO reform_exemption (candidate_id, kind, reason, starts_on, ends_on, expected_back, created_by,
				  created_at, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(candidateId, r.kind().name(), r.reason().strip(), Date.valueOf(r.startsOn()), Date.valueOf(ends),
					r.kind().sickLeave() ? Date.valueOf(r.expectedBack()) : null, access.me().username(),
					Timestamp.from(clock.instant()), r.requestId())
			.update();
		audit.record(candidateId, AuditAction.CHANGE, "reform exemption registered");
		reschedule(candidateId);
		return true;
	}

	/** The candidate's next meeting due again, with the exemptions as they stand now as pauses (Timeliness#paused). */
	private void reschedule(long candidateId) {
		jdbc.sql("SELECT target_group_code, course_started, last_meeting_on FROM candidate WHERE id = ?")
			.param(candidateId)
			.query((rs, n) -> timeliness.dueFor(candidateId, rs.getString(1), rs.getDate(2).toLocalDate(),
					rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
			.optional()
			.flatMap(due -> due)
			.ifPresent(due -> jdbc.sql("""
					UPDATE candidate SET next_meeting_due = ?, due_rule_id = ?, version = version + 1
					WHERE id = ? AND next_meeting_due IS DISTINCT FROM ?""")
				.params(Date.valueOf(due.date()), due.rule().id(), candidateId, Date.valueOf(due.date()))
				.update());
	}

	/** Checks the registration against the rules and returns its last day. */
	LocalDate check(long candidateId, Registration r) {
		if (r.kind().sickLeave()) {
			int weeks = rules.ruleOn(r.startsOn()).map(ReformRules.Rule::sickLeaveMaxWeeks).orElse(26);
			if (r.expectedBack() == null) {
				throw new Refused("expectedBack", "form.required");
			}
			if (!r.expectedBack().isAfter(r.startsOn())) {
				throw new Refused("expectedBack", "casework.exemption.backBeforeStart");
			}
			if (r.expectedBack().isAfter(r.startsOn().plusWeeks(weeks))) {
				throw new Refused("expectedBack", "casework.exemption.sickTooLong", weeks);
			}
			overlap(candidateId, r, r.expectedBack().minusDays(1));
			return r.expectedBack().minusDays(1);
		}
		Window window = people.windowsOf(candidateId, windowMonths())
			.stream()
			.filter(w -> w.contains(r.startsOn()))
			.findFirst()
			.orElseThrow(() -> new Refused("startsOn", "casework.exemption.notInWindow"));
		if (rules.groupRuleOn(window.code(), r.startsOn()).filter(ReformRules.GroupRule::inExemptionGroup).isEmpty()) {
			throw new Refused("startsOn", "casework.exemption.notInGroup");
		}
		LocalDate ends = r.endsOn() != null ? r.endsOn() : window.lastDay();
		if (ends.isBefore(r.startsOn())) {
			throw new Refused("endsOn", "casework.exemption.endBeforeStart");
		}
		if (ends.isAfter(window.lastDay())) {
			throw new Refused("endsOn", "casework.exemption.afterWindow", window.lastDay());
		}
		overlap(candidateId, r, ends);
		ceiling(candidateId, YearMonth.from(r.startsOn()));
		return ends;
	}

	private void overlap(long candidateId, Registration r, LocalDate ends) {
		boolean overlaps = of(candidateId).stream()
			.anyMatch(e -> e.kind().sickLeave() == r.kind().sickLeave() && !e.lastDay().isBefore(r.startsOn())
					&& !e.startsOn().isAfter(ends));
		if (overlaps) {
			throw new Refused("startsOn", "casework.exemption.overlaps");
		}
	}

	/** Refuses when one more exempted person would take the month above the ceiling. */
	private void ceiling(long candidateId, YearMonth month) {
		var rule = rules.ruleOn(month.atDay(1)).orElseThrow(() -> new Refused("startsOn", "casework.exemption.notInGroup"));
		List<Window> windows = people.windows(month.atDay(1), month.plusMonths(1).atDay(1), rule.windowMonths(), null);
		long group = 0;
		long exempted = 0;
		for (ExemptionCell c : counts.exemptions(windows, month, month.atEndOfMonth())) {
			group += c.group();
			exempted += c.exempted();
		}
		boolean already = counts.exemptions(windows.stream().filter(w -> w.candidateId() == candidateId).toList(), month,
				month.atEndOfMonth()).stream().anyMatch(c -> c.exempted() > 0);
		long after = already ? exempted : exempted + 1;
		if (after * 100 > (long) rule.exemptionCeilingPercent() * Math.max(group, 1)) {
			throw new Refused("kind", "casework.exemption.ceiling", month, exempted, group,
					rule.exemptionCeilingPercent());
		}
	}

	/**
	 * Ends an exemption early, from the day after {@code endedOn}.
	 * @throws OptimisticLockingFailureException when it was changed or ended since the form was shown
	 */
	@Transactional
	public void end(long candidateId, Ending e) {
		access.change(candidateId);
		Exemption ex = of(candidateId).stream()
			.filter(x -> x.id() == e.exemptionId())
			.findFirst()
			.orElseThrow(NotFoundOrNoAccess::new);
		if (e.endedOn().isBefore(ex.startsOn().minusDays(1))) {
			throw new Refused("endedOn", "casework.exemption.endBeforeStart");
		}
		if (e.endedOn().isAfter(ex.endsOn())) {
			throw new Refused("endedOn", "casework.exemption.endAfterEnd", ex.endsOn());
		}
		int updated = jdbc.sql("""
				UPDATE reform_exemption SET ended_on = ?, end_reason = ?, ended_by = ?, ended_at = ?, version = version + 1
				WHERE id = ? AND candidate_id = ? AND version = ? AND ended_at IS NULL""")
			.params(Date.valueOf(e.endedOn()), e.reason().strip(), access.me().username(), Timestamp.from(clock.instant()),
					e.exemptionId(), candidateId, e.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("casework.exemption.conflict");
		}
		audit.record(candidateId, AuditAction.CHANGE, "reform exemption ended");
		reschedule(candidateId);
	}
}
