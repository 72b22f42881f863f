package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.casework.ReformFigures.Month;
import dk.vaerdig.casework.internal.ReformWindows;

/**
 * The reform's windows kept as rows (V186): a change of any input marks the candidate stale in its own transaction,
 * the next read works the candidate out again, and after a series of changes the rows kept up to date this way are
 * exactly those a full rebuild makes.
 */
@IntegrationTest
class ReformWindowsIntegrationTest {

	@Autowired
	ReformWindows windows;

	@Autowired
	ReformFigures figures;

	@Autowired
	JdbcClient jdbc;

	final ReformFiguresIntegrationTest data = new ReformFiguresIntegrationTest();

	@Test
	void windowsKeptUpToDateByEachChangeEqualAFullRebuild() {
		data.jdbc = jdbc;
		data.figures = figures;
		long team = data.team();
		long otherTeam = data.team();
		long a = data.person(team, "LAB02", "2026-07-01", null);
		long b = data.person(team, "LAB01", "2026-06-15", null);
		long c = data.person(team, "LAB02", "2026-05-01", null);
		long d = data.person(team, "LAB06", "2026-08-03", null);
		List<Long> people = List.of(a, b, c, d);
		windows.refresh();
		assertThat(rows(people)).hasSize(4);

		// meetings held, one of them moved and one cancelled after being held
		data.held(a, "2026-07-10", "2026-08-20", "2026-10-01");
		assertThat(stale(a)).isTrue();
		data.held(b, "2026-07-01");
		data.held(d, "2026-09-01", "2026-09-20");
		jdbc.sql("UPDATE meeting SET held_at = held_at + interval '3 days' WHERE candidate_id = ?").param(d).update();
		jdbc.sql("UPDATE meeting SET status = 'CANCELLED' WHERE candidate_id = ? AND held_at < '2026-08-01'")
			.param(a)
			.update();
		assertThat(count(team, "2026-07").group()).isEqualTo(3);
		assertThat(stale(a)).isFalse();

		// exemptions, one ended early; a change of group; a course closed and reopened as a new one; a move of team
		data.exempt(a, "CONVERSATIONS", "2026-08-01", "2026-09-30");
		jdbc.sql("UPDATE reform_exemption SET ended_on = '2026-08-15', ended_at = now() WHERE candidate_id = ?")
			.param(a)
			.update();
		data.exempt(c, "SICK_LEAVE", "2026-09-01", "2026-09-30");
		data.change(b, "LAB01", "LAB02", "2026-09-01");
		count(team, "2026-09");
		jdbc.sql("""
				INSERT INTO course_outcome (candidate_id, course_started, closed_on, outcome, team_id, target_group_code,
				  closed_by, closed_at, request_id, reopen_kind, reopened_on, reopened_at)
				VALUES (?, '2026-05-01', '2026-08-31', 'OTHER', ?, 'LAB02', 'sagsbehandler', now(), ?, 'NEW_COURSE',
				  '2026-10-01', now())""").params(c, team, UUID.randomUUID()).update();
		jdbc.sql("UPDATE candidate SET course_started = '2026-10-01' WHERE id = ?").param(c).update();
		jdbc.sql("UPDATE candidate SET team_id = ? WHERE id = ?").params(otherTeam, d).update();
		jdbc.sql("UPDATE candidate SET course_closed_on = '2026-11-30' WHERE id = ?").param(b).update();
		jdbc.sql("DELETE FROM meeting WHERE candidate_id = ? AND held_at > '2026-09-10'").param(d).update();
		count(otherTeam, "2026-10");

		List<Map<String, Object>> kept = rows(people);
		assertThat(kept).extracting(r -> r.get("candidate_id")).containsOnly(a, b, c, d);
		assertThat(kept.stream().filter(r -> r.get("candidate_id").equals(c))).hasSize(2);
		assertThat(kept.stream().filter(r -> r.get("candidate_id").equals(b))).hasSize(2);
		assertThat(kept.stream().filter(r -> r.get("candidate_id").equals(d)))
			.allMatch(r -> r.get("team_id").equals(otherTeam) && r.get("held").equals("{2026-09-04}"));

		windows.rebuild();
		assertThat(rows(people)).isEqualTo(kept);
	}

	@Test
	void theFiguresReadAfterAChangeCountIt() {
		data.jdbc = jdbc;
		data.figures = figures;
		long team = data.team();
		long a = data.person(team, "LAB02", "2026-01-10", null);
		data.held(a, "2026-01-20", "2026-03-02", "2026-05-04");
		Month before = count(team, "2026-07");
		assertThat(List.of(before.cohort(), before.met())).containsExactly(1L, 0L);

		data.held(a, "2026-07-01");
		Month after = figures.sum(figures.perTeamOn(YearMonth.parse("2026-07"), YearMonth.parse("2026-07"),
				LocalDate.parse("2027-03-02"), team), YearMonth.parse("2026-07"), YearMonth.parse("2026-07")).get(0);
		assertThat(List.of(after.cohort(), after.met())).containsExactly(1L, 1L);
	}

	private Month count(long team, String month) {
		return data.month(team, month, "2027-03-01");
	}

	private boolean stale(long candidate) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reform_window_stale WHERE candidate_id = ?)")
			.param(candidate)
			.query(Boolean.class)
			.single();
	}

	private List<Map<String, Object>> rows(List<Long> people) {
		return jdbc.sql("""
				SELECT candidate_id, target_group_code, window_start, window_end, cut, team_id, caseworker,
				  required_conversations, CAST(held AS TEXT) AS held, held_count, first_held,
				  CAST(exemption_kinds AS TEXT) AS kinds, CAST(exemption_starts AS TEXT) AS starts,
				  CAST(exemption_last_days AS TEXT) AS last_days, exempted
				FROM reform_window WHERE candidate_id IN (:ids) ORDER BY candidate_id, window_start""")
			.param("ids", people)
			.query()
			.listOfRows();
	}
}
