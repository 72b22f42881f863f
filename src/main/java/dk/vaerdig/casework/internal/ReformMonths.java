package dk.vaerdig.casework.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.casework.internal.ReformCounts.Cells;
import dk.vaerdig.casework.internal.ReformCounts.ConversationCell;
import dk.vaerdig.casework.internal.ReformCounts.ExemptionCell;
import dk.vaerdig.casework.internal.ReformPeople.Window;
import dk.vaerdig.casework.internal.ReformRules.GroupRule;

/**
 * The reform's monthly figures kept as rows (V204): each candidate's share of every month's figures
 * ({@code reform_month_entry}, worked out from the candidate's windows whenever {@link ReformWindows} stores them) and
 * their sums per month, team and the day from which they count ({@code reform_month}, changed by the difference in
 * the same transaction). The figures of a month as they stand on a day are the sums of the rows that count by then, so
 * a page view reads a few hundred small rows. The counting is the one of {@link ReformCounts#exemptions} and
 * {@link ReformCounts#conversations}, split by the day each person or window begins to count.
 */
@Component
class ReformMonths {

	/** The figures: group, exempted, cohort, met, exempted from conversations, first required, without first. */
	static final int FIGURES = 7;

	/** A row's key: the month (its first day), the team and the first day it counts. */
	record Key(LocalDate month, long teamId, LocalDate countsFrom) implements Comparable<Key> {

		@Override
		public int compareTo(Key o) {
			int c = month.compareTo(o.month);
			if (c == 0) {
				c = Long.compare(teamId, o.teamId);
			}
			return c != 0 ? c : countsFrom.compareTo(o.countsFrom);
		}
	}

	private final ReformRules rules;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	ReformMonths(ReformRules rules, JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
		this.rules = rules;
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
	}

	/**
	 * Each candidate's rows from their windows (as stored: held days and exemptions inside the window), summed per
	 * key, with the candidate's id as the first element of the map's key.
	 */
	Map<Long, Map<Key, long[]>> entries(List<Window> windows) {
		Map<Long, List<Window>> byCandidate = new HashMap<>();
		windows.forEach(w -> byCandidate.computeIfAbsent(w.candidateId(), k -> new ArrayList<>()).add(w));
		GroupDays days = new GroupDays();
		Map<Long, Map<Key, long[]>> entries = new TreeMap<>();
		byCandidate.forEach((candidate, ws) -> entries.put(candidate, entriesOf(ws, days)));
		return entries;
	}

	/** One candidate's rows. */
	private Map<Key, long[]> entriesOf(List<Window> windows, GroupDays days) {
		Map<Key, long[]> rows = new TreeMap<>();
		// the share exempted: per month and team the first day in the group, and the first day exempted on such a day
		record MonthTeam(YearMonth month, long teamId) {
		}
		Map<MonthTeam, LocalDate> firstInGroup = new HashMap<>();
		Map<MonthTeam, LocalDate> firstExempted = new HashMap<>();
		LocalDate firstRuleDay = days.firstRuleDay();
		for (Window w : windows) {
			LocalDate d = w.start().isBefore(firstRuleDay) ? firstRuleDay : w.start();
			boolean mayBeExempted = w.exemptions().stream().anyMatch(ReformPeople.Exemption::countsAgainstCeiling);
			while (d.isBefore(w.cut())) {
				MonthTeam key = new MonthTeam(YearMonth.from(d), w.teamId());
				LocalDate group = firstInGroup.get(key);
				LocalDate exempted = firstExempted.get(key);
				if (group != null && !group.isAfter(d)
						&& (!mayBeExempted || exempted != null && !exempted.isAfter(d))) {
					d = key.month().plusMonths(1).atDay(1); // nothing earlier left to find in this month
					continue;
				}
				if (!w.sickOn(d) && days.inExemptionGroup(w.code(), d)) {
					if (group == null || d.isBefore(group)) {
						firstInGroup.put(key, d);
					}
					if ((exempted == null || d.isBefore(exempted)) && w.exemptedOn(d)) {
						firstExempted.put(key, d);
					}
				}
				d = d.plusDays(1);
			}
		}
		firstInGroup.forEach((k, day) -> add(rows, new Key(k.month().atDay(1), k.teamId(), day), 0));
		firstExempted.forEach((k, day) -> add(rows, new Key(k.month().atDay(1), k.teamId(), day), 1));
		// the 75 % rule: a window that ran its full length counts in the month of its last day, from the day after it
		for (Window w : windows) {
			LocalDate last = w.lastDay();
			if (!w.complete() || w.sickDuring(w.start(), w.end())) {
				continue;
			}
			Optional<GroupRule> rule = rules.groupRuleOn(w.code(), last);
			if (rule.isEmpty() || !rule.get().underConversationRule()) {
				continue;
			}
			long held = w.heldBetween(w.start(), w.end());
			boolean exempted = false;
			for (LocalDate d = w.start(); d.isBefore(w.end()) && !exempted; d = d.plusDays(1)) {
				exempted = w.exemptedFromConversationsOn(d);
			}
			Key key = new Key(YearMonth.from(last).atDay(1), w.teamId(), last.plusDays(1));
			add(rows, key, 2);
			if (held >= rule.get().requiredConversations()) {
				add(rows, key, 3);
			}
			if (exempted) {
				add(rows, key, 4);
			}
			if (rule.get().firstConversationRequired() && !exempted) {
				add(rows, key, 5);
				if (held == 0) {
					add(rows, key, 6);
				}
			}
		}
		return rows;
	}

	private static void add(Map<Key, long[]> rows, Key key, int figure) {
		rows.computeIfAbsent(key, k -> new long[FIGURES])[figure]++;
	}

	/**
	 * Replaces the rows of the candidates by {@code entries} and changes the sums by the difference, inside the
	 * caller's transaction (which holds the candidates: {@link ReformWindows#store}). The sums are changed in key
	 * order, so two transactions never wait for each other in a circle.
	 */
	void replace(Collection<Long> candidates, Map<Long, Map<Key, long[]>> entries) {
		Map<Key, long[]> delta = new TreeMap<>();
		jdbc.sql("""
				DELETE FROM reform_month_entry WHERE candidate_id IN (:ids)
				RETURNING month, team_id, counts_from, group_size, exempted, cohort, met, exempted_from_conversations,
				  first_required, without_first""").param("ids", candidates).query(rs -> {
					long[] d = delta.computeIfAbsent(new Key(rs.getDate(1).toLocalDate(), rs.getLong(2),
							rs.getDate(3).toLocalDate()), k -> new long[FIGURES]);
					for (int i = 0; i < FIGURES; i++) {
						d[i] -= rs.getLong(4 + i);
					}
				});
		List<Object[]> inserts = new ArrayList<>();
		entries.forEach((candidate, rows) -> rows.forEach((key, v) -> {
			long[] d = delta.computeIfAbsent(key, k -> new long[FIGURES]);
			Object[] row = new Object[4 + FIGURES];
			row[0] = candidate;
			row[1] = Date.valueOf(key.month());
			row[2] = key.teamId();
			row[3] = Date.valueOf(key.countsFrom());
			for (int i = 0; i < FIGURES; i++) {
				d[i] += v[i];
				row[4 + i] = v[i];
			}
			inserts.add(row);
		}));
		template.batchUpdate("""
				INSERT INTO reform_month_entry (candidate_id, month, team_id, counts_from, group_size, exempted, cohort, met,
				  exempted_from_conversations, first_required, without_first)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
		List<Object[]> changes = new ArrayList<>();
		List<Object[]> keys = new ArrayList<>();
		delta.forEach((key, d) -> {
			boolean zero = true;
			Object[] row = new Object[3 + FIGURES];
			row[0] = Date.valueOf(key.month());
			row[1] = key.teamId();
			row[2] = Date.valueOf(key.countsFrom());
			for (int i = 0; i < FIGURES; i++) {
				zero &= d[i] == 0;
				row[3 + i] = d[i];
			}
			if (!zero) {
				changes.add(row);
				keys.add(new Object[] { row[0], row[1], row[2] });
			}
		});
		template.batchUpdate("""
				INSERT INTO reform_month AS m (month, team_id, counts_from, group_size, exempted, cohort, met,
				  exempted_from_conversations, first_required, without_first)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (month, team_id, counts_from) DO UPDATE SET
				  group_size = m.group_size + EXCLUDED.group_size, exempted = m.exempted + EXCLUDED.exempted,
				  cohort = m.cohort + EXCLUDED.cohort, met = m.met + EXCLUDED.met,
				  exempted_from_conversations = m.exempted_from_conversations + EXCLUDED.exempted_from_conversations,
				  first_required = m.first_required + EXCLUDED.first_required,
				  without_first = m.without_first + EXCLUDED.without_first""", changes);
		template.batchUpdate("""
				DELETE FROM reform_month WHERE month = ? AND team_id = ? AND counts_from = ? AND group_size = 0
				  AND exempted = 0 AND cohort = 0 AND met = 0 AND exempted_from_conversations = 0 AND first_required = 0
				  AND without_first = 0""", keys);
	}

	/**
	 * Sums every candidate's rows again (the nightly repair of any drift), holding off the changes of other
	 * transactions meanwhile (they wait for it, and then add their differences to the new sums).
	 */
	void resum() {
		tx.executeWithoutResult(s -> {
			jdbc.sql("LOCK TABLE reform_month IN EXCLUSIVE MODE").update();
			jdbc.sql("DELETE FROM reform_month").update();
			jdbc.sql("""
					INSERT INTO reform_month (month, team_id, counts_from, group_size, exempted, cohort, met,
					  exempted_from_conversations, first_required, without_first)
					SELECT month, team_id, counts_from, sum(group_size), sum(exempted), sum(cohort), sum(met),
					  sum(exempted_from_conversations), sum(first_required), sum(without_first)
					FROM reform_month_entry GROUP BY month, team_id, counts_from
					HAVING sum(group_size) <> 0 OR sum(exempted) <> 0 OR sum(cohort) <> 0 OR sum(met) <> 0
					  OR sum(exempted_from_conversations) <> 0 OR sum(first_required) <> 0 OR sum(without_first) <> 0""")
				.update();
		});
	}

	/**
	 * The cells of the months {@code from} to {@code to} as they stand on {@code today} (the rows that count by then),
	 * of one team when {@code team} is not null; a month with no rule on its first or last day has none.
	 */
	Cells cells(YearMonth from, YearMonth to, LocalDate today, Long team) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", Date.valueOf(from.atDay(1)));
		params.put("to", Date.valueOf(to.atDay(1)));
		params.put("today", Date.valueOf(today));
		params.put("team", team);
		List<ExemptionCell> exemptions = new ArrayList<>();
		List<ConversationCell> conversations = new ArrayList<>();
		jdbc.sql("""
				SELECT month, team_id, sum(group_size), sum(exempted), sum(cohort), sum(met),
				  sum(exempted_from_conversations), sum(first_required), sum(without_first)
				FROM reform_month
				WHERE month >= :from AND month <= :to AND counts_from <= :today
				  AND (CAST(:team AS BIGINT) IS NULL OR team_id = :team)
				GROUP BY month, team_id ORDER BY month, team_id""").params(params).query(rs -> {
					YearMonth month = YearMonth.from(rs.getDate(1).toLocalDate());
					if (rules.ruleOn(month.atEndOfMonth()).isEmpty() && rules.ruleOn(month.atDay(1)).isEmpty()) {
						return;
					}
					long teamId = rs.getLong(2);
					if (rs.getLong(3) > 0) {
						exemptions.add(new ExemptionCell(month, teamId, rs.getLong(3), rs.getLong(4)));
					}
					if (rs.getLong(5) > 0) {
						conversations.add(new ConversationCell(month, teamId, rs.getLong(5), rs.getLong(6), rs.getLong(7),
								rs.getLong(8), rs.getLong(9)));
					}
				});
		return new Cells(exemptions, conversations);
	}

	/** Whether a target group is in the group that may be exempted on a day, asked once per group and day. */
	private final class GroupDays {

		private final Map<String, Map<LocalDate, Boolean>> memo = new HashMap<>();

		private final LocalDate firstRuleDay = rules.rules()
			.stream()
			.map(ReformRules.Rule::validFrom)
			.min(LocalDate::compareTo)
			.orElse(LocalDate.of(9999, 1, 1));

		LocalDate firstRuleDay() {
			return firstRuleDay;
		}

		boolean inExemptionGroup(String code, LocalDate day) {
			return memo.computeIfAbsent(code, c -> new HashMap<>())
				.computeIfAbsent(day, d -> rules.groupRuleOn(code, d).map(GroupRule::inExemptionGroup).orElse(false));
		}
	}
}
