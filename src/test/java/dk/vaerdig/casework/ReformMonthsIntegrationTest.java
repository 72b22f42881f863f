package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.casework.internal.ReformCounts;
import dk.vaerdig.casework.internal.ReformCounts.Cells;
import dk.vaerdig.casework.internal.ReformWindows;

/**
 * The reform's monthly figures kept as rows (V204): after any series of changes, made one after the other or by
 * several threads at once while others read, the kept figures of every month, as they stand on any day, equal the
 * figures counted from the windows themselves; the kept sums equal the sums of the candidates' rows, and those equal
 * what a full rebuild makes.
 */
@IntegrationTest
class ReformMonthsIntegrationTest {

	static final YearMonth FIRST = YearMonth.of(2026, 5);

	static final YearMonth LAST = YearMonth.of(2027, 8);

	/** Days the figures are compared on: before, inside and after the months, the month in progress among them. */
	static final List<String> TODAYS = List.of("2026-06-30", "2026-07-01", "2026-07-15", "2026-08-01", "2026-09-15",
			"2026-12-01", "2027-01-01", "2027-01-02", "2027-03-01", "2027-09-01");

	@Autowired
	ReformFigures figures;

	@Autowired
	ReformCounts counts;

	@Autowired
	ReformWindows windows;

	@Autowired
	JdbcClient jdbc;

	final ReformFiguresIntegrationTest data = new ReformFiguresIntegrationTest();

	@Test
	void keptMonthlyFiguresEqualAFullRecountAfterASeriesOfChanges() {
		data.jdbc = jdbc;
		data.figures = figures;
		long team = data.team();
		long otherTeam = data.team();
		long a = data.person(team, "LAB02", "2026-07-01", null);
		long b = data.person(team, "LAB01", "2026-06-15", null);
		long c = data.person(team, "LAB02", "2026-05-01", null);
		long d = data.person(team, "LAB06", "2026-08-03", null);
		long e = data.person(team, "LAB04", "2026-07-01", null);
		long f = data.person(otherTeam, "LAB01", "2026-09-20", null);
		long g = data.person(team, "LAB02", "2026-01-10", null);
		assertKeptEqualRecount(team, otherTeam);

		data.held(a, "2026-07-10", "2026-08-20", "2026-10-01");
		data.held(g, "2026-01-20", "2026-03-02", "2026-05-04", "2026-07-01");
		data.held(b, "2026-07-01");
		data.held(d, "2026-09-01", "2026-09-20");
		data.held(f, "2026-10-01", "2027-01-15");
		assertKeptEqualRecount(team, otherTeam);

		jdbc.sql("UPDATE meeting SET held_at = held_at + interval '3 days' WHERE candidate_id = ?").param(d).update();
		jdbc.sql("UPDATE meeting SET status = 'CANCELLED' WHERE candidate_id = ? AND held_at < '2026-08-01'")
			.param(a)
			.update();
		data.exempt(a, "CONVERSATIONS", "2026-08-01", "2026-09-30");
		data.exempt(e, "OFFERS", "2026-07-20", "2026-08-10");
		data.exempt(f, "SICK_LEAVE", "2026-11-01", "2026-11-30");
		assertKeptEqualRecount(team, otherTeam);

		jdbc.sql("UPDATE reform_exemption SET ended_on = '2026-08-15', ended_at = now() WHERE candidate_id = ?")
			.param(a)
			.update();
		data.exempt(c, "SICK_LEAVE", "2026-09-01", "2026-09-30");
		data.change(b, "LAB01", "LAB02", "2026-09-01");
		jdbc.sql("""
				INSERT INTO course_outcome (candidate_id, course_started, closed_on, outcome, team_id, target_group_code,
				  closed_by, closed_at, request_id, reopen_kind, reopened_on, reopened_at)
				VALUES (?, '2026-05-01', '2026-08-31', 'OTHER', ?, 'LAB02', 'sagsbehandler', now(), ?, 'NEW_COURSE',
				  '2026-10-01', now())""").params(c, team, UUID.randomUUID()).update();
		jdbc.sql("UPDATE candidate SET course_started = '2026-10-01' WHERE id = ?").param(c).update();
		assertKeptEqualRecount(team, otherTeam);

		jdbc.sql("UPDATE candidate SET team_id = ? WHERE id = ?").params(otherTeam, d).update();
		jdbc.sql("UPDATE candidate SET course_closed_on = '2026-11-30' WHERE id = ?").param(b).update();
		jdbc.sql("DELETE FROM meeting WHERE candidate_id = ? AND held_at > '2026-09-10'").param(d).update();
		jdbc.sql("DELETE FROM reform_exemption WHERE candidate_id = ?").param(e).update();
		assertKeptEqualRecount(team, otherTeam);

		List<Map<String, Object>> kept = sums(team, otherTeam);
		List<Map<String, Object>> entries = entries(List.of(a, b, c, d, e, f, g));
		assertThat(kept).isNotEmpty();
		assertThat(kept).isEqualTo(entrySums(team, otherTeam));
		windows.rebuild();
		assertThat(entries(List.of(a, b, c, d, e, f, g))).isEqualTo(entries);
		assertThat(sums(team, otherTeam)).isEqualTo(kept);
	}

	@Test
	void changesMadeByManyThreadsAtOnceWhileOthersReadLeaveTheSameFiguresAsARecount() throws Exception {
		data.jdbc = jdbc;
		data.figures = figures;
		long team = data.team();
		long otherTeam = data.team();
		List<Long> people = new ArrayList<>();
		String[] groups = { "LAB01", "LAB02", "LAB04", "LAB06" };
		for (int i = 0; i < 12; i++) {
			people.add(data.person(i % 3 == 0 ? otherTeam : team, groups[i % groups.length],
					LocalDate.of(2026, 5, 1).plusDays(11L * i).toString(), null));
		}
		windows.refresh();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			done.add(pool.submit(() -> {
				ThreadLocalRandom r = ThreadLocalRandom.current();
				for (int i = 0; i < 25; i++) {
					long p = people.get(r.nextInt(people.size()));
					LocalDate day = LocalDate.of(2026, 5, 1).plusDays(r.nextInt(300));
					switch (r.nextInt(5)) {
						case 0, 1 -> data.held(p, day.toString());
						case 2 -> data.exempt(p, r.nextBoolean() ? "CONVERSATIONS" : "OFFERS", day.toString(),
								day.plusDays(20).toString());
						case 3 -> jdbc.sql("UPDATE candidate SET team_id = ? WHERE id = ?")
							.params(r.nextBoolean() ? team : otherTeam, p)
							.update();
						default -> jdbc.sql("""
								DELETE FROM meeting WHERE id = (SELECT min(id) FROM meeting WHERE candidate_id = ?
								  AND status = 'HELD')""").param(p).update();
					}
				}
			}));
		}
		for (int t = 0; t < 2; t++) {
			done.add(pool.submit(() -> {
				for (int i = 0; i < 15; i++) {
					figures.perTeamOn(FIRST, LAST, LocalDate.of(2027, 3, 1), null);
				}
			}));
		}
		for (Future<?> f : done) {
			f.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();

		assertKeptEqualRecount(team, otherTeam);
		List<Map<String, Object>> kept = sums(team, otherTeam);
		assertThat(kept).isNotEmpty();
		assertThat(kept).isEqualTo(entrySums(team, otherTeam));
		List<Map<String, Object>> entries = entries(people);
		windows.rebuild();
		assertThat(entries(people)).isEqualTo(entries);
		assertThat(sums(team, otherTeam)).isEqualTo(kept);
	}

	/**
	 * The list of persons at risk reads only the windows whose kept first day at risk (V205) has come; on every other
	 * day from June 2026 to July 2027 it is the list read from every window in progress, and it is not always empty.
	 */
	@Test
	void thePersonsAtRiskReadByTheKeptFirstDayAreThoseReadFromEveryWindow() {
		data.jdbc = jdbc;
		data.figures = figures;
		long team = data.team();
		data.person(team, "LAB02", "2026-07-01", null);
		long regular = data.person(team, "LAB02", "2026-08-15", null);
		data.held(regular, "2026-08-20", "2026-09-25", "2026-11-02");
		long late = data.person(team, "LAB01", "2026-03-20", null);
		data.held(late, "2026-06-01");
		long regrouped = data.person(team, "LAB01", "2026-09-01", null);
		data.held(regrouped, "2026-09-10", "2026-11-20");
		long flex = data.person(team, "LAB06", "2026-10-01", null);
		data.held(flex, "2026-10-05");
		long exempted = data.person(team, "LAB02", "2026-07-15", null);
		data.exempt(exempted, "CONVERSATIONS", "2026-09-01", "2026-11-30");
		long sick = data.person(team, "LAB02", "2026-08-01", null);
		data.exempt(sick, "SICK_LEAVE", "2026-10-01", "2026-11-15");
		data.person(team, "LAB02", "2026-07-01", "2026-10-15");
		int listed = 0;
		for (LocalDate day = LocalDate.of(2026, 6, 20); day.isBefore(LocalDate.of(2027, 7, 15)); day = day.plusDays(2)) {
			List<ReformCounts.AtRisk> kept = counts.atRisk(day, team);
			assertThat(kept).as("on %s", day).isEqualTo(counts.atRiskReadingEveryWindow(day, team));
			listed += kept.size();
		}
		assertThat(listed).isPositive();
	}

	private void assertKeptEqualRecount(long... teams) {
		for (String today : TODAYS) {
			for (long team : teams) {
				Cells kept = counts.cells(FIRST, LAST, LocalDate.parse(today), team);
				Cells recount = counts.recount(FIRST, LAST, LocalDate.parse(today), team);
				assertThat(kept).as("team %d on %s", team, today).isEqualTo(recount);
			}
		}
	}

	private List<Map<String, Object>> sums(long... teams) {
		return jdbc.sql("""
				SELECT month, team_id, counts_from, group_size, exempted, cohort, met, exempted_from_conversations,
				  first_required, without_first
				FROM reform_month WHERE team_id IN (:teams) ORDER BY month, team_id, counts_from""")
			.param("teams", List.of(teams[0], teams[1]))
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> entrySums(long... teams) {
		return jdbc.sql("""
				SELECT month, team_id, counts_from, sum(group_size) AS group_size, sum(exempted) AS exempted,
				  sum(cohort) AS cohort, sum(met) AS met, sum(exempted_from_conversations) AS exempted_from_conversations,
				  sum(first_required) AS first_required, sum(without_first) AS without_first
				FROM reform_month_entry WHERE team_id IN (:teams) GROUP BY month, team_id, counts_from
				HAVING sum(group_size) + sum(exempted) + sum(cohort) + sum(met) + sum(exempted_from_conversations)
				  + sum(first_required) + sum(without_first) > 0
				ORDER BY month, team_id, counts_from""")
			.param("teams", List.of(teams[0], teams[1]))
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> entries(List<Long> people) {
		return jdbc.sql("""
				SELECT candidate_id, month, team_id, counts_from, group_size, exempted, cohort, met,
				  exempted_from_conversations, first_required, without_first
				FROM reform_month_entry WHERE candidate_id IN (:ids)
				ORDER BY candidate_id, month, team_id, counts_from""")
			.param("ids", people)
			.query()
			.listOfRows();
	}
}
