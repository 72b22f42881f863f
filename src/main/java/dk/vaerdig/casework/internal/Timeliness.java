package dk.vaerdig.casework.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.platform.WorkingDays;

/**
 * Timeliness (rettidighed): the contact rules per target group are data with effective dates, and the due date of the
 * next meeting is counted in Danish working days under the rule that applies on the day it is counted from.
 */
@Service
public class Timeliness {

	private final JdbcClient jdbc;

	/** The contact rules change by migration; read at most once a minute. */
	private final LoadingCache<Boolean, List<ContactRule>> rules;

	private final WorkingDays workingDays;

	private final Clock clock;

	Timeliness(JdbcClient jdbc, WorkingDays workingDays, Clock clock) {
		this.jdbc = jdbc;
		this.rules = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMinutes(1))
			.build(k -> jdbc.sql("""
					SELECT id, target_group_code, valid_from, valid_to, first_meeting_working_days,
					       meeting_interval_working_days, legal_basis
					FROM contact_rule ORDER BY target_group_code, valid_from""").query(ContactRule.class).list());
		this.workingDays = workingDays;
		this.clock = clock;
	}

	public record ContactRule(long id, String targetGroupCode, LocalDate validFrom, LocalDate validTo,
			int firstMeetingWorkingDays, int meetingIntervalWorkingDays, String legalBasis) {
	}

	public record Due(LocalDate date, ContactRule rule) {
	}

	/** The rule for the target group that applies on the day: the one that took effect last before it. */
	public Optional<ContactRule> ruleOn(String targetGroupCode, LocalDate day) {
		return rules().stream()
			.filter(r -> r.targetGroupCode().equals(targetGroupCode) && !r.validFrom().isAfter(day)
					&& (r.validTo() == null || r.validTo().isAfter(day)))
			.max(Comparator.comparing(ContactRule::validFrom));
	}

	public List<ContactRule> rules() {
		return rules.get(Boolean.TRUE);
	}

	/** When the first meeting of a course that started on {@code courseStart} is due. */
	public Optional<Due> firstMeetingDue(String targetGroupCode, LocalDate courseStart) {
		return ruleOn(targetGroupCode, courseStart)
			.map(r -> new Due(workingDays.plus(courseStart, r.firstMeetingWorkingDays()), r));
	}

	/** When the next meeting is due after a meeting held on {@code heldOn}. */
	public Optional<Due> nextMeetingDue(String targetGroupCode, LocalDate heldOn) {
		return ruleOn(targetGroupCode, heldOn)
			.map(r -> new Due(workingDays.plus(heldOn, r.meetingIntervalWorkingDays()), r));
	}

	/** A stretch of days on which the clock of the due date stands still (an exemption, its last day included). */
	public record Pause(LocalDate firstDay, LocalDate lastDay) {
	}

	/**
	 * The due date with the pauses taken out: a due date counted from {@code countedFrom} moves on by the working
	 * days of every pause that begins on or before it (as moved by the pauses before), counted from the day after
	 * {@code countedFrom}; days covered by two pauses count once. A pause that begins after the due date moves nothing:
	 * the meeting was due before it.
	 */
	public LocalDate paused(LocalDate countedFrom, LocalDate due, List<Pause> pauses) {
		LocalDate result = due;
		LocalDate counted = countedFrom;
		List<Pause> sorted = pauses.stream().sorted(Comparator.comparing(Pause::firstDay)).toList();
		for (Pause p : sorted) {
			if (p.firstDay().isAfter(result)) {
				break;
			}
			LocalDate start = p.firstDay().isAfter(counted) ? p.firstDay() : counted.plusDays(1);
			if (p.lastDay().isBefore(start)) {
				continue;
			}
			result = workingDays.plus(result, workingDays.between(start.minusDays(1), p.lastDay()));
			counted = p.lastDay();
		}
		return result;
	}

	/**
	 * The candidate's pauses: the exemptions of the register from job conversations or from follow-up (sick leave),
	 * each until its last day (an early ending counted); an exemption from offers alone pauses nothing.
	 */
	public List<Pause> pausesOf(long candidateId) {
		return jdbc.sql("""
				SELECT starts_on AS first_day, CASE WHEN ended_on < ends_on THEN ended_on ELSE ends_on END AS last_day
				FROM reform_exemption WHERE candidate_id = ? AND kind <> 'OFFERS'""")
			.param(candidateId)
			.query(Pause.class)
			.list()
			.stream()
			.filter(p -> !p.lastDay().isBefore(p.firstDay()))
			.toList();
	}

	/**
	 * The candidates' pauses ({@link #pausesOf(long)}) for many candidates in one statement: only those with a pause
	 * are in the map.
	 */
	public Map<Long, List<Pause>> pausesOf(Collection<Long> candidateIds) {
		Map<Long, List<Pause>> pauses = new HashMap<>();
		if (candidateIds.isEmpty()) {
			return pauses;
		}
		jdbc.sql("""
				SELECT candidate_id, starts_on AS first_day,
				       CASE WHEN ended_on < ends_on THEN ended_on ELSE ends_on END AS last_day
				FROM reform_exemption WHERE candidate_id IN (:ids) AND kind <> 'OFFERS'""")
			.param("ids", candidateIds)
			.query(rs -> {
				Pause p = new Pause(rs.getDate("first_day").toLocalDate(), rs.getDate("last_day").toLocalDate());
				if (!p.lastDay().isBefore(p.firstDay())) {
					pauses.computeIfAbsent(rs.getLong("candidate_id"), k -> new ArrayList<>()).add(p);
				}
			});
		return pauses;
	}

	/**
	 * When a meeting is due, the one rule for the stored due date and the measure of meetings held on time alike: the
	 * first meeting of a course counted from its start ({@code first}), or the next one from the meeting held on
	 * {@code countedFrom}, under the rule in force that day, moved on by the pauses ({@link #paused}).
	 */
	public Optional<Due> due(String targetGroupCode, LocalDate countedFrom, boolean first, List<Pause> pauses) {
		Optional<Due> due = first ? firstMeetingDue(targetGroupCode, countedFrom)
				: nextMeetingDue(targetGroupCode, countedFrom);
		if (due.isEmpty() || pauses.isEmpty()) {
			return due;
		}
		return Optional.of(new Due(paused(countedFrom, due.get().date(), pauses), due.get().rule()));
	}

	/**
	 * When the candidate's next meeting is due: the first from the course's start, else the next from the latest
	 * meeting held, each under its rule, with the candidate's exemptions as pauses.
	 */
	public Optional<Due> dueFor(long candidateId, String targetGroupCode, LocalDate courseStarted,
			LocalDate lastMeetingOn) {
		boolean first = lastMeetingOn == null;
		return due(targetGroupCode, first ? courseStarted : lastMeetingOn, first, pausesOf(candidateId));
	}

	public Clock clock() {
		return clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public boolean isOverdue(LocalDate due) {
		return due != null && due.isBefore(today());
	}

	/** Whether the due date falls within the next {@code workingDaysAhead} working days (and is not overdue). */
	public boolean isDueSoon(LocalDate due, int workingDaysAhead) {
		return due != null && !isOverdue(due) && !due.isAfter(workingDays.plus(today(), workingDaysAhead));
	}

	public LocalDate dueSoonLimit(int workingDaysAhead) {
		return workingDays.plus(today(), workingDaysAhead);
	}

	public LocalDate nextWorkingDay(LocalDate day) {
		return workingDays.plus(day, 0);
	}

	public boolean isWorkingDay(LocalDate day) {
		return workingDays.isWorkingDay(day);
	}

	/** Overdue cases per team and caseworker, for the team leads' overview. */
	public record OverdueCount(Long teamId, String teamName, String caseworker, String caseworkerName, long overdue,
			long dueSoon, long total) {
	}

	public List<OverdueCount> overdueByCaseworker(Long onlyTeam) {
		return jdbc.sql("""
				SELECT c.team_id, t.name AS team_name, c.caseworker, coalesce(u.display_name, c.caseworker) AS caseworker_name,
				       count(*) FILTER (WHERE c.next_meeting_due < :today) AS overdue,
				       count(*) FILTER (WHERE c.next_meeting_due >= :today AND c.next_meeting_due <= :soon) AS due_soon,
				       count(*) AS total
				FROM candidate c
				JOIN team t ON t.id = c.team_id
				LEFT JOIN staff_user u ON u.username = c.caseworker
				WHERE (CAST(:team AS BIGINT) IS NULL OR c.team_id = :team)
				GROUP BY c.team_id, t.name, c.caseworker, u.display_name
				ORDER BY t.name, overdue DESC, caseworker_name""")
			.param("today", today())
			.param("soon", dueSoonLimit(10))
			.param("team", onlyTeam)
			.query(OverdueCount.class)
			.list();
	}
}
