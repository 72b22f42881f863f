package dk.vaerdig.casework.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the people the reform's figures count, as windows: a window is a person's first months in a target group
 * ({@code window_months}, 6), from the start of the course or from a change of target group (a new benefit), cut short
 * by the next change or by the course's closing. The current course of every candidate and the earlier courses that
 * were followed by a new one ({@code course_outcome}, reopened as a new course) are read; a closing withdrawn as a
 * mistake is no end.
 */
@Component
class ReformPeople {

	/** An exemption as it stands: in force from {@code startsOn} to {@code lastDay} (both included). */
	record Exemption(String kind, LocalDate startsOn, LocalDate lastDay) {

		boolean on(LocalDate day) {
			return !day.isBefore(startsOn) && !day.isAfter(lastDay);
		}

		boolean fromConversations() {
			return kind.equals("CONVERSATIONS") || kind.equals("CONVERSATIONS_AND_OFFERS");
		}

		boolean countsAgainstCeiling() {
			return !kind.equals("SICK_LEAVE");
		}

		boolean sickLeave() {
			return kind.equals("SICK_LEAVE");
		}
	}

	/**
	 * One window.
	 * @param code the target group registered at its start (the 2027 regrouping is applied per day by the rules)
	 * @param end the day after the window's last day if it runs its full length
	 * @param cut the day after the last day the person was in it (the end, or earlier: a change of group, a closing)
	 * @param held the days job conversations were held with the person (any course), ascending
	 */
	record Window(long candidateId, long teamId, String caseworker, String code, LocalDate start, LocalDate end,
			LocalDate cut, List<LocalDate> held, List<Exemption> exemptions) {

		boolean complete() {
			return cut.equals(end);
		}

		LocalDate lastDay() {
			return end.minusDays(1);
		}

		boolean contains(LocalDate day) {
			return !day.isBefore(start) && day.isBefore(cut);
		}

		long heldBetween(LocalDate from, LocalDate toExclusive) {
			return held.stream().filter(d -> !d.isBefore(from) && d.isBefore(toExclusive)).count();
		}

		boolean exemptedFromConversationsOn(LocalDate day) {
			return exemptions.stream().anyMatch(e -> e.fromConversations() && e.on(day));
		}

		boolean exemptedOn(LocalDate day) {
			return exemptions.stream().anyMatch(e -> e.countsAgainstCeiling() && e.on(day));
		}

		boolean sickOn(LocalDate day) {
			return exemptions.stream().anyMatch(e -> e.sickLeave() && e.on(day));
		}

		boolean sickDuring(LocalDate from, LocalDate toExclusive) {
			return exemptions.stream()
				.anyMatch(e -> e.sickLeave() && e.startsOn().isBefore(toExclusive) && !e.lastDay().isBefore(from));
		}
	}

	private record Course(long candidateId, long teamId, String caseworker, String code, LocalDate started,
			LocalDate closedOn) {
	}

	private record Change(String fromCode, String toCode, LocalDate changedOn) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ReformPeople(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The windows of every person who may have been in a window on a day from {@code from} up to but not including
	 * {@code to} (a window that ends in that time included), at most {@code windowMonths} long; only of one team when
	 * {@code team} is not null.
	 */
	List<Window> windows(LocalDate from, LocalDate to, int windowMonths, Long team) {
		return windows(from, to, windowMonths, team, null);
	}

	/** Every window of one candidate. */
	List<Window> windowsOf(long candidateId, int windowMonths) {
		return windowsOf(List.of(candidateId), windowMonths);
	}

	/** Every window of the candidates (at most a few thousand at a time: they go into an IN list). */
	List<Window> windowsOf(Collection<Long> candidateIds, int windowMonths) {
		if (candidateIds.isEmpty()) {
			return List.of();
		}
		return windows(LocalDate.of(1900, 1, 1), LocalDate.of(9999, 1, 1), windowMonths, null, candidateIds);
	}

	private List<Window> windows(LocalDate from, LocalDate to, int windowMonths, Long team,
			Collection<Long> candidates) {
		LocalDate horizon = from.minusMonths(windowMonths).minusDays(1);
		String people = """
				SELECT c.id FROM candidate c
				WHERE (CAST(:team AS BIGINT) IS NULL OR c.team_id = :team)
				""" + (candidates == null ? "" : " AND c.id IN (:candidates)") + """

				  AND ((c.course_started < :to
				        AND (c.course_started >= :horizon
				             OR EXISTS (SELECT 1 FROM target_group_change g WHERE g.candidate_id = c.id
				                          AND g.changed_on >= :horizon AND g.changed_on < :to)))
				       OR EXISTS (SELECT 1 FROM course_outcome o WHERE o.candidate_id = c.id
				                    AND o.reopen_kind = 'NEW_COURSE' AND o.course_started < :to
				                    AND o.closed_on >= :horizon))""";
		Map<String, Object> params = new HashMap<>();
		params.put("to", Date.valueOf(to));
		params.put("horizon", Date.valueOf(horizon));
		params.put("team", team);
		if (candidates != null) {
			params.put("candidates", candidates);
		}
		List<Course> courses = new ArrayList<>();
		jdbc.sql("SELECT id, team_id, caseworker, target_group_code, course_started, course_closed_on FROM candidate "
				+ "WHERE id IN (" + people + ")").params(params).query(rs -> {
					courses.add(new Course(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
							rs.getDate(5).toLocalDate(), day(rs.getDate(6))));
				});
		Map<Long, Course> current = new HashMap<>();
		courses.forEach(c -> current.put(c.candidateId(), c));
		jdbc.sql("""
				SELECT candidate_id, team_id, target_group_code, course_started, closed_on FROM course_outcome
				WHERE reopen_kind = 'NEW_COURSE' AND course_started < :to AND closed_on >= :horizon
				  AND candidate_id IN (""" + people + ")").params(params).query(rs -> {
					Course now = current.get(rs.getLong(1));
					courses.add(new Course(rs.getLong(1), rs.getLong(2), now.caseworker(), rs.getString(3),
							rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate()));
				});
		Map<Long, List<Change>> changes = new HashMap<>();
		jdbc.sql("SELECT candidate_id, from_code, to_code, changed_on FROM target_group_change WHERE candidate_id IN ("
				+ people + ") ORDER BY changed_on, id").params(params).query(rs -> {
					changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Change(rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()));
				});
		Map<Long, List<LocalDate>> held = new HashMap<>();
		params.put("zone", clock.getZone().getId());
		jdbc.sql("""
				SELECT candidate_id, CAST(held_at AT TIME ZONE :zone AS DATE) FROM meeting
				WHERE status = 'HELD' AND held_at >= :horizon AND candidate_id IN (""" + people
				+ ") ORDER BY 2").params(params).query(rs -> {
					held.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getDate(2).toLocalDate());
				});
		Map<Long, List<Exemption>> exemptions = new HashMap<>();
		jdbc.sql("""
				SELECT candidate_id, kind, starts_on, CASE WHEN ended_on IS NOT NULL AND ended_on < ends_on
				                                         THEN ended_on ELSE ends_on END
				FROM reform_exemption WHERE candidate_id IN (""" + people + ")").params(params).query(rs -> {
					exemptions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Exemption(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate()));
				});
		List<Window> windows = new ArrayList<>();
		for (Course c : courses) {
			windows.addAll(windows(c, changes.getOrDefault(c.candidateId(), List.of()), windowMonths,
					held.getOrDefault(c.candidateId(), List.of()), exemptions.getOrDefault(c.candidateId(), List.of())));
		}
		return windows;
	}

	/** The windows of one course: from its start, and from every change of group within it. */
	static List<Window> windows(Course c, List<Change> changes, int windowMonths, List<LocalDate> held,
			List<Exemption> exemptions) {
		// the group at the course's start: after the last change before it, else before the first change after it
		String code = c.code();
		TreeMap<LocalDate, String> entries = new TreeMap<>();
		Change before = null;
		Change after = null;
		for (Change ch : changes) {
			if (!ch.changedOn().isAfter(c.started())) {
				before = ch;
			}
			else if (after == null) {
				after = ch;
			}
		}
		code = before != null ? before.toCode() : after != null ? after.fromCode() : code;
		entries.put(c.started(), code);
		for (Change ch : changes) {
			if (ch.changedOn().isAfter(c.started()) && (c.closedOn() == null || ch.changedOn().isBefore(c.closedOn()))) {
				entries.put(ch.changedOn(), ch.toCode());
			}
		}
		List<Window> windows = new ArrayList<>();
		for (var e : entries.entrySet()) {
			LocalDate end = e.getKey().plusMonths(windowMonths);
			LocalDate cut = end;
			LocalDate next = entries.higherKey(e.getKey());
			if (next != null && next.isBefore(cut)) {
				cut = next;
			}
			if (c.closedOn() != null && c.closedOn().isBefore(cut)) {
				cut = c.closedOn();
			}
			windows.add(new Window(c.candidateId(), c.teamId(), c.caseworker(), e.getValue(), e.getKey(), end, cut, held,
					exemptions));
		}
		return windows;
	}

	private static LocalDate day(Date date) {
		return date == null ? null : date.toLocalDate();
	}
}
