package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.insights.internal.OutcomeFigures;
import dk.vaerdig.insights.internal.OutcomeFigures.Figures;
import dk.vaerdig.insights.internal.OutcomeFigures.Rating;
import dk.vaerdig.insights.internal.OutcomeFigures.Row;
import dk.vaerdig.insights.internal.Rate;

/**
 * The outcome figures against a hand-computed case, closed in March 2015 (no other test and no demo data closes a
 * course then), with the anonymity threshold of 5:
 * <ul>
 * <li>team A: 10 courses (LAB02: 4 ordinary jobs, 1 flexjob, 2 educations, 1 other; LAB05: 1 other benefit, 1 moved),
 * and a closing withdrawn as a mistake that does not count; 3 came back within 3 months, 1 more within 12;</li>
 * <li>team B: 6 courses in LAB02 (2 ordinary jobs, 1 job with fewer hours, 1 education, 2 other);</li>
 * <li>team C: 2 courses in LAB05, both ordinary jobs.</li>
 * </ul>
 * Team C (2) is hidden, and so is team B (6) by the complement rule; LAB05 (4) is hidden and so LAB02 too. The
 * survey cells of February 2015: team A and LAB02 18 of 20 respondents positive, team B and LAB02 10 of 20; the
 * reference 28 of 40 (70 %), so team A's LAB02 courses were rated better, team B's not, and the LAB05 courses have too
 * few answers (4 courses, hidden, and so the 6 "not better" ones too).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeFiguresIntegrationTest {

	static final YearMonth MARCH = YearMonth.of(2015, 3);

	@Autowired
	OutcomeFigures outcomes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	MockMvc mvc;

	long teamA;

	long teamB;

	long teamC;

	void course(long team, String group, String outcome, Integer hours, String reopenKind, LocalDate reopenedOn,
			Boolean back3, Boolean back12) {
		long candidate = candidates.make("sagsbehandler", group).id();
		jdbc.sql("""
				INSERT INTO course_outcome (candidate_id, course_started, closed_on, outcome, weekly_hours, team_id,
				  target_group_code, closed_by, closed_at, request_id, reopen_kind, reopened_on, reopen_reason, reopened_by,
				  reopened_at, back_within_3_months, back_within_12_months)
				VALUES (?, DATE '2015-01-05', DATE '2015-03-16', ?, ?, ?, ?, 'sagsbehandler', TIMESTAMP '2015-03-16 12:00', ?,
				  ?, ?, ?, ?, ?, ?, ?)""")
			.params(candidate, outcome, hours, team, group, UUID.randomUUID(), reopenKind, reopenedOn,
					reopenKind == null ? null : "Test", reopenKind == null ? null : "sagsbehandler",
					reopenedOn == null ? null : reopenedOn.atTime(9, 0), back3, back12)
			.update();
	}

	void course(long team, String group, String outcome, Integer hours) {
		course(team, group, outcome, hours, null, null, null, null);
	}

	@BeforeAll
	void hand() {
		List<Long> teams = jdbc.sql("SELECT id FROM team ORDER BY id").query(Long.class).list();
		teamA = jdbc.sql("SELECT team_id FROM staff_user WHERE username = 'sagsbehandler'").query(Long.class).single();
		teamB = teams.stream().filter(t -> t != teamA).findFirst().orElseThrow();
		teamC = teams.stream().filter(t -> t != teamA && t != teamB).findFirst().orElseThrow();
		LocalDate june = LocalDate.of(2015, 6, 1);
		LocalDate august = LocalDate.of(2015, 8, 20);
		course(teamA, "LAB02", "ORDINARY_JOB", 37, "NEW_COURSE", june, true, true);
		course(teamA, "LAB02", "ORDINARY_JOB", 37, "NEW_COURSE", june, true, true);
		course(teamA, "LAB02", "ORDINARY_JOB", 37);
		course(teamA, "LAB02", "ORDINARY_JOB", 37);
		course(teamA, "LAB02", "FLEXJOB", 12, "NEW_COURSE", june, true, true);
		course(teamA, "LAB02", "EDUCATION", null, "NEW_COURSE", august, false, true);
		course(teamA, "LAB02", "EDUCATION", null);
		course(teamA, "LAB02", "OTHER", null);
		course(teamA, "LAB05", "OTHER_BENEFIT", null);
		course(teamA, "LAB05", "MOVED", null);
		course(teamA, "LAB02", "ORDINARY_JOB", 37, "CORRECTION", LocalDate.of(2015, 3, 18), null, null);
		course(teamB, "LAB02", "ORDINARY_JOB", 37);
		course(teamB, "LAB02", "ORDINARY_JOB", 37);
		course(teamB, "LAB02", "REDUCED_HOURS_JOB", 20);
		course(teamB, "LAB02", "EDUCATION", null);
		course(teamB, "LAB02", "OTHER", null);
		course(teamB, "LAB02", "OTHER", null);
		course(teamC, "LAB05", "ORDINARY_JOB", 37);
		course(teamC, "LAB05", "ORDINARY_JOB", 37);
		cell(teamA, 20, 18);
		cell(teamB, 20, 10);
	}

	void cell(long team, long respondents, long positive) {
		jdbc.sql("""
				INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact,
				  scored_respondents, positive_respondents) VALUES (?, 'LAB02', DATE '2015-02-01', ?, 0, 0, ?, ?)""")
			.params(team, respondents, respondents, positive)
			.update();
	}

	static void rate(Rate r, long successes, long n, double low, double high) {
		assertThat(r.hidden()).as("hidden").isFalse();
		assertThat(r.successes()).isEqualTo(successes);
		assertThat(r.n()).isEqualTo(n);
		assertThat(r.low()).isCloseTo(low, within(1e-6));
		assertThat(r.high()).isCloseTo(high, within(1e-6));
	}

	Row row(List<Row> rows, long team) {
		return rows.stream().filter(r -> r.key().equals(String.valueOf(team))).findFirst().orElseThrow();
	}

	@Test
	void theTotalCountsEveryClosedCourseButTheWithdrawnOne() {
		Figures f = outcomes.figures(MARCH, MARCH);
		assertThat(f.total().courses()).isEqualTo(18);
		assertThat(f.total().hidden()).isFalse();
		rate(f.total().job(), 10, 18, 0.33716415642042774, 0.7544048187299437);
		rate(f.total().back3(), 3, 18, 0.05836576805861446, 0.39222038103915724);
		rate(f.total().back12(), 4, 18, 0.09000928108601694, 0.45214584316212625);
		// the outcomes in the order of the enum: ordinary 8, fewer hours 1, flexjob 1, education 3, other benefit 1,
		// moved 1, other 3
		assertThat(f.total().outcomes()).extracting(Rate::successes).containsExactly(8L, 1L, 1L, 3L, 1L, 1L, 3L);
		assertThat(f.total().outcomes()).allSatisfy(r -> assertThat(r.n()).isEqualTo(18));
	}

	@Test
	void aTeamBelowTheThresholdIsHiddenAndSoIsItsComplement() {
		Figures f = outcomes.figures(MARCH, MARCH);
		Row a = row(f.teams(), teamA);
		Row b = row(f.teams(), teamB);
		Row c = row(f.teams(), teamC);
		assertThat(c.courses()).isEqualTo(2);
		assertThat(c.hidden()).as("team C: 2 courses").isTrue();
		assertThat(b.hidden()).as("team B: 18 - 10 - 2 would give it away").isTrue();
		assertThat(b.job().hidden()).isTrue();
		assertThat(b.back3().hidden()).isTrue();
		assertThat(b.outcomes()).allSatisfy(r -> assertThat(r.hidden()).isTrue());
		assertThat(a.hidden()).isFalse();
		rate(a.job(), 5, 10, 0.236593090512564, 0.7634069094874361);
		rate(a.back3(), 3, 10, 0.10779126740630099, 0.6032218525388546);
		rate(a.back12(), 4, 10, 0.16818032970623614, 0.6873262302663417);
		// both target groups hidden: LAB05 has 4, and LAB02 is the total minus those
		assertThat(f.targetGroups()).extracting(Row::key).containsExactly("LAB02", "LAB05");
		assertThat(f.targetGroups()).allSatisfy(r -> assertThat(r.hidden()).isTrue());
		// one month, the total's
		assertThat(f.months()).singleElement().satisfies(m -> {
			assertThat(m.key()).isEqualTo("2015-03");
			assertThat(m.courses()).isEqualTo(18);
			assertThat(m.hidden()).isFalse();
		});
	}

	@Test
	void theDignityFiguresCompareCoursesRatedBetterWithTheOthersUnderTheSameRule() {
		Figures f = outcomes.figures(MARCH, MARCH);
		rate(f.reference(), 28, 40, 0.5456998118185507, 0.8192515477025347);
		assertThat(f.dignity()).extracting(d -> d.rating()).containsExactly(Rating.BETTER, Rating.NOT_BETTER,
				Rating.TOO_FEW_ANSWERS);
		assertThat(f.dignity()).extracting(d -> d.courses()).containsExactly(8L, 6L, 4L);
		var better = f.dignity().get(0);
		assertThat(better.hidden()).isFalse();
		rate(better.job(), 5, 8, 0.30574239460262737, 0.8631557141764026);
		assertThat(better.job().share()).isEqualTo(0.625);
		// too few answers (4 courses) is hidden, and the 6 not rated better with it, as 18 - 8 - 4 would tell
		assertThat(f.dignity().get(1).hidden()).isTrue();
		assertThat(f.dignity().get(1).job().hidden()).isTrue();
		assertThat(f.dignity().get(2).hidden()).isTrue();
	}

	@Test
	void thePageAndTheCsvShowTheSameFiguresAndHideWhatTheRuleHides() throws Exception {
		String page = mvc.perform(get("/insights/outcomes").param("from", "2015-03").param("to", "2015-03")
			.with(user("teamleder").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Forløbenes resultater", "For få forløb", "ikke en virkning", "(95 %-interval 24–76 %, n = 10)");
		String csv = mvc.perform(get("/insights/outcomes.csv").param("from", "2015-03").param("to", "2015-03")
			.with(user("politiker").roles("POLITICIAN")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF\"kind\";\"group\";\"courses\";\"measure\";\"percent\"");
		assertThat(csv).contains("\"total\";\"total\";\"18\";\"job\";\"56\";\"34\";\"75\";\"18\"\r\n");
		assertThat(csv).contains("\"dignity\";\"BETTER\";\"8\";\"job\";\"63\";\"31\";\"86\";\"8\"\r\n");
		assertThat(csv).contains("\"dignity\";\"NOT_BETTER\";\"\";\"job\";\"\";\"\";\"\";\"\"\r\n");
		// the hidden teams: no count, no share
		assertThat(csv.lines().filter(l -> l.startsWith("\"team\";") && l.contains("\"job\"")))
			.filteredOn(l -> l.contains(";\"\";\"job\";\"\";\"\";\"\";\"\""))
			.hasSize(2);
	}

	@Test
	void onlyTeamLeadsManagersAndPoliticiansSeeThePage() throws Exception {
		mvc.perform(get("/insights/outcomes").with(user("sagsbehandler").roles("CASEWORKER"))).andExpect(status().isForbidden());
		mvc.perform(get("/insights/outcomes.csv").with(user("kommunikation").roles("COMMUNICATION")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/insights/outcomes").with(user("leder").roles("MANAGER"))).andExpect(status().isOk());
	}
}
