package dk.vaerdig.casework.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.casework.internal.ReformPeople.Exemption;
import dk.vaerdig.casework.internal.ReformPeople.Window;
import dk.vaerdig.casework.internal.ReformRules.GroupRule;
import dk.vaerdig.casework.internal.ReformRules.Rule;

/**
 * The reform's windows kept as rows ({@code reform_window}, V186), so the figures and the persons at risk are read by
 * index instead of worked out over every candidate per request. A window is defined once, by {@link ReformPeople}:
 * a change of any input (a course opened, closed or moved, a meeting held, an exemption, a change of group, an
 * earlier course) marks the candidate stale in the same transaction (triggers of V186), and every read first works out
 * the stale candidates again ({@link #refresh}); {@link #rebuild} works out every candidate (nightly, and in the
 * test that compares the two). With a candidate's windows it keeps their share of the monthly figures
 * ({@link ReformMonths}, V204) and each window's first day at risk ({@link ReformRiskStart}, V205).
 */
@Component
public class ReformWindows {

	private static final Logger log = LoggerFactory.getLogger(ReformWindows.class);

	/** Candidates worked out per transaction (they go into IN lists). */
	static final int CHUNK = 1000;

	private final ReformPeople people;

	private final ReformRules rules;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	private final ReformMonths months;

	private final ReformRiskStart riskStart;

	ReformWindows(ReformPeople people, ReformRules rules, JdbcClient jdbc, JdbcTemplate template,
			TransactionTemplate tx, ReformMonths months, ReformRiskStart riskStart) {
		this.riskStart = riskStart;
		this.people = people;
		this.rules = rules;
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.months = months;
	}

	/** The longest window of any rule (6 months): the rows are cut to it. */
	int windowMonths() {
		return rules.rules().stream().mapToInt(Rule::windowMonths).max().orElse(6);
	}

	/**
	 * The windows that overlap the days from {@code from} up to but not including {@code to} (a window that ends in
	 * that time included), of one team when {@code team} is not null.
	 */
	List<Window> windows(LocalDate from, LocalDate to, Long team) {
		refresh();
		Map<String, Object> params = new HashMap<>();
		params.put("from", Date.valueOf(from));
		params.put("to", Date.valueOf(to));
		params.put("horizon", Date.valueOf(from.minusMonths(windowMonths()).minusDays(1)));
		params.put("team", team);
		return jdbc.sql("""
				SELECT * FROM reform_window
				WHERE window_start >= :horizon AND window_start < :to AND window_end > :from
				  AND (CAST(:team AS BIGINT) IS NULL OR team_id = :team)""").params(params).query(this::window).list();
	}

	/**
	 * The windows a person is inside today with {@code k > 0} conversations still missing (the number {@code required}
	 * gives for the window's group, less those held up to today) whose last day is no later than
	 * {@code lastDayAtMost[k - 1]}; the persons at risk are among them. Of one team when {@code team} is not null.
	 */
	List<Window> windowsAt(LocalDate today, Map<String, Integer> required, List<LocalDate> lastDayAtMost, Long team) {
		return windowsAt(today, required, lastDayAtMost, team, true);
	}

	/**
	 * As above; with {@code keptStart} only the windows whose kept first day at risk ({@code at_risk_from}, V205)
	 * has come, by index, else every window in progress near enough its end (what tests compare the list with).
	 */
	List<Window> windowsAt(LocalDate today, Map<String, Integer> required, List<LocalDate> lastDayAtMost, Long team,
			boolean keptStart) {
		refresh();
		if (lastDayAtMost.isEmpty() || required.isEmpty()) {
			return List.of();
		}
		List<String> codes = List.copyOf(required.keySet());
		Map<String, Object> params = new HashMap<>();
		params.put("today", Date.valueOf(today));
		params.put("end", Date.valueOf(lastDayAtMost.get(lastDayAtMost.size() - 1).plusDays(1)));
		params.put("ends", array(lastDayAtMost.stream().map(d -> d.plusDays(1)).toList()));
		params.put("codes", array(codes));
		params.put("required", array(codes.stream().map(required::get).toList()));
		params.put("most", lastDayAtMost.size());
		params.put("team", team);
		return jdbc.sql("""
				SELECT * FROM (
				  SELECT *, LEAST(:most, (CAST(:required AS INT[]))[array_position(CAST(:codes AS TEXT[]), target_group_code)])
				              - (SELECT count(*) FROM unnest(held) h WHERE h <= :today) AS missing
				  FROM reform_window
				  WHERE window_end > :today AND window_end <= :end AND window_start <= :today AND cut > :today
				""" + (keptStart ? "    AND at_risk_from <= :today\n" : "") + """
				    AND target_group_code = ANY (CAST(:codes AS TEXT[]))
				    AND (CAST(:team AS BIGINT) IS NULL OR team_id = :team)) w
				WHERE missing > 0 AND window_end <= (CAST(:ends AS DATE[]))[missing]""")
			.params(params)
			.query(this::window)
			.list();
	}

	/** The target groups a window can be registered in. */
	List<String> codes() {
		return jdbc.sql("SELECT code FROM target_group ORDER BY code").query(String.class).list();
	}

	/**
	 * Works out again the windows of every candidate marked stale, a chunk per transaction; a chunk another node or
	 * thread is working on is skipped at first, then waited for, so the caller reads no window older than its own
	 * changes. Returns how many were worked out here.
	 */
	public int refresh() {
		if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM reform_window_stale)").query(Boolean.class).single()) {
			return 0;
		}
		int total = 0;
		while (true) {
			Integer done = tx.execute(s -> {
				List<Long> ids = jdbc.sql("""
						DELETE FROM reform_window_stale WHERE candidate_id IN (
						  SELECT candidate_id FROM reform_window_stale ORDER BY candidate_id LIMIT :n FOR UPDATE SKIP LOCKED)
						RETURNING candidate_id""").param("n", CHUNK).query(Long.class).list();
				store(ids);
				return ids.size();
			});
			total += done;
			if (done < CHUNK) {
				break;
			}
		}
		// then the candidates another thread was working on: wait for it (a blocking lock, in candidate order as every
		// pass takes them), so a read right after a change always sees the change
		total += tx.execute(s -> {
			List<Long> ids = jdbc.sql("""
					DELETE FROM reform_window_stale WHERE candidate_id IN (
					  SELECT candidate_id FROM reform_window_stale ORDER BY candidate_id FOR UPDATE)
					RETURNING candidate_id""").query(Long.class).list();
			store(ids);
			return ids.size();
		});
		return total;
	}

	/** Works out every candidate's windows again and removes the rows of candidates no longer there. */
	public int rebuild() {
		int total = 0;
		long after = 0;
		while (true) {
			long from = after;
			List<Long> ids = jdbc.sql("SELECT id FROM candidate WHERE id > ? ORDER BY id LIMIT ?")
				.params(from, CHUNK)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				break;
			}
			tx.executeWithoutResult(s -> {
				jdbc.sql("DELETE FROM reform_window_stale WHERE candidate_id IN (:ids)").param("ids", ids).update();
				store(ids);
			});
			total += ids.size();
			after = ids.get(ids.size() - 1);
		}
		jdbc.sql("DELETE FROM reform_window w WHERE NOT EXISTS (SELECT 1 FROM candidate c WHERE c.id = w.candidate_id)")
			.update();
		jdbc.sql("""
				DELETE FROM reform_month_entry e WHERE NOT EXISTS (SELECT 1 FROM candidate c WHERE c.id = e.candidate_id)""")
			.update();
		months.resum();
		return total;
	}

	/**
	 * Replaces the rows of the candidates by their windows as the sources say now, and their share of the monthly
	 * figures ({@link ReformMonths}), inside the caller's transaction. The candidates are held first (an advisory lock
	 * each, in id order), so two transactions never store the same candidate at once (the nightly rebuild and a
	 * refresh), and what is read after it is what the last of them committed.
	 */
	private void store(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("""
				SELECT pg_advisory_xact_lock(186, CAST(id % 2147483647 AS INT))
				FROM unnest(CAST(:ids AS BIGINT[])) AS id ORDER BY id""")
			.param("ids", ids.stream().sorted().toArray(Long[]::new))
			.query((rs, n) -> 1)
			.list();
		jdbc.sql("DELETE FROM reform_window WHERE candidate_id IN (:ids)").param("ids", ids).update();
		List<Object[]> rows = new ArrayList<>();
		List<Window> stored = new ArrayList<>();
		ReformRiskStart.Memo memo = riskStart.memo();
		for (Window w : people.windowsOf(ids, windowMonths())) {
			if (w.cut().isBefore(w.start())) {
				continue; // cut before it began (a course closed on a day before this start): a window of no days
			}
			List<LocalDate> held = w.held().stream().filter(w::contains).toList();
			List<Exemption> exemptions = w.exemptions()
				.stream()
				.filter(e -> e.startsOn().isBefore(w.end()) && !e.lastDay().isBefore(w.start()))
				.toList();
			Window kept = new Window(w.candidateId(), w.teamId(), w.caseworker(), w.code(), w.start(), w.end(), w.cut(),
					held, exemptions);
			stored.add(kept);
			LocalDate atRiskFrom = riskStart.of(kept, memo);
			Integer required = rules.groupRuleOn(w.code(), w.lastDay())
				.map(GroupRule::requiredConversations)
				.orElse(null);
			boolean exempted = exemptions.stream()
				.anyMatch(e -> e.countsAgainstCeiling() && e.startsOn().isBefore(w.cut())
						&& !e.lastDay().isBefore(w.start()));
			rows.add(new Object[] { w.candidateId(), w.code(), Date.valueOf(w.start()), Date.valueOf(w.end()),
					Date.valueOf(w.cut()), w.teamId(), w.caseworker(), required, array(held), held.size(),
					held.isEmpty() ? null : Date.valueOf(held.get(0)),
					array(exemptions.stream().map(Exemption::kind).toList()),
					array(exemptions.stream().map(Exemption::startsOn).toList()),
					array(exemptions.stream().map(Exemption::lastDay).toList()), exempted,
					atRiskFrom == null ? null : Date.valueOf(atRiskFrom) });
		}
		template.batchUpdate("""
				INSERT INTO reform_window (candidate_id, target_group_code, window_start, window_end, cut, team_id,
				  caseworker, required_conversations, held, held_count, first_held, exemption_kinds, exemption_starts,
				  exemption_last_days, exempted, at_risk_from)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DATE[]), ?, ?, CAST(? AS TEXT[]), CAST(? AS DATE[]),
				  CAST(? AS DATE[]), ?, ?)""", rows);
		months.replace(ids, months.entries(stored));
	}

	/** An array literal of dates or of the exemption kinds (plain upper-case words: nothing to quote). */
	private static String array(List<?> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private Window window(ResultSet rs, int n) throws SQLException {
		List<LocalDate> held = dates(rs.getArray("held"));
		List<LocalDate> starts = dates(rs.getArray("exemption_starts"));
		List<LocalDate> lastDays = dates(rs.getArray("exemption_last_days"));
		String[] kinds = (String[]) rs.getArray("exemption_kinds").getArray();
		List<Exemption> exemptions = new ArrayList<>(kinds.length);
		for (int i = 0; i < kinds.length; i++) {
			exemptions.add(new Exemption(kinds[i], starts.get(i), lastDays.get(i)));
		}
		return new Window(rs.getLong("candidate_id"), rs.getLong("team_id"), rs.getString("caseworker"),
				rs.getString("target_group_code"), rs.getDate("window_start").toLocalDate(),
				rs.getDate("window_end").toLocalDate(), rs.getDate("cut").toLocalDate(), held, exemptions);
	}

	private static List<LocalDate> dates(Array array) throws SQLException {
		Date[] dates = (Date[]) array.getArray();
		return Arrays.stream(dates).map(Date::toLocalDate).toList();
	}

	/**
	 * Works out the candidates marked stale when the app is ready (after the migration that added the table, every
	 * candidate), in the background so the first request does not wait for it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread thread = new Thread(() -> {
			try {
				int n = refresh();
				if (n > 0) {
					log.info("Worked out the reform windows of {} candidates", n);
				}
			}
			catch (RuntimeException e) {
				log.warn("The reform windows were not worked out at start ({}); the first read does it", e.toString());
			}
		}, "reform-windows-warm-up");
		thread.setDaemon(true);
		thread.start();
	}
}
