package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.insights.internal.Rate;

/**
 * The dashboard's figures from made-up rollups of January to April 1996 for a made-up target group (LAB97), where no
 * other test puts answers: the groups' share is per respondent with n = respondents, hidden figures (and their
 * complement) stay hidden in the totals, the months and the teams, and a hidden month is a gap in the chart's data.
 */
@IntegrationTest
class DashboardFiguresIntegrationTest {

	static final String GROUP = "LAB97";

	static final RequestPostProcessor POLITICIAN = user("politiker").roles("POLITICIAN");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	List<Long> teams;

	List<String> teamNames;

	@BeforeEach
	void rollupsOf1996() {
		teams = jdbc.sql("SELECT id FROM team ORDER BY id").query(Long.class).list();
		teamNames = jdbc.sql("SELECT name FROM team ORDER BY id").query(String.class).list();
		if (jdbc.sql("SELECT count(*) FROM survey_rollup_answer WHERE target_group_code = ?").param(GROUP).query(Long.class)
			.single() > 0) {
			return;
		}
		List<Long> questions = jdbc.sql("""
				SELECT q.id FROM survey_question q JOIN survey_version v ON v.id = q.version_id
				WHERE v.status = 'ACTIVE' AND q.kind = 'SCALE' ORDER BY q.position LIMIT 2""").query(Long.class).list();
		LocalDate jan = LocalDate.of(1996, 1, 1);
		// January: answers, respondents with a score, positive respondents, meetings held
		cell(teams.get(0), jan, 40, 38, 19, 80);
		cell(teams.get(1), jan, 30, 30, 27, 50);
		cell(teams.get(2), jan, 2, 2, 2, 10);
		// the items of January: two questions each, which pooled would give n = 76 for the first team
		question(teams.get(0), jan, questions.get(0), 38, 30);
		question(teams.get(0), jan, questions.get(1), 38, 10);
		question(teams.get(1), jan, questions.get(0), 30, 28);
		question(teams.get(1), jan, questions.get(1), 30, 20);
		question(teams.get(2), jan, questions.get(0), 2, 2);
		cell(teams.get(0), jan.plusMonths(1), 2, 2, 1, 20);
		cell(teams.get(0), jan.plusMonths(2), 30, 30, 15, 60);
		cell(teams.get(1), jan.plusMonths(2), 25, 25, 20, 40);
		// April: meetings, but no answers
		jdbc.sql("INSERT INTO survey_rollup_invited (team_id, target_group_code, month, invited) VALUES (?, ?, ?, 12)")
			.params(teams.get(0), GROUP, jan.plusMonths(3)).update();
	}

	void cell(long team, LocalDate month, long answers, long scored, long positive, long invited) {
		jdbc.sql("""
				INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact,
				  scored_respondents, positive_respondents) VALUES (?, ?, ?, ?, 0, 0, ?, ?)""")
			.params(team, GROUP, month, answers, scored, positive).update();
		jdbc.sql("INSERT INTO survey_rollup_invited (team_id, target_group_code, month, invited) VALUES (?, ?, ?, ?)")
			.params(team, GROUP, month, invited).update();
	}

	void question(long team, LocalDate month, long question, long n, long satisfied) {
		jdbc.sql("""
				INSERT INTO survey_rollup_question (team_id, target_group_code, month, question_id, n, satisfied, dont_know,
				  score_sum) VALUES (?, ?, ?, ?, ?, ?, 0, ?)""").params(team, GROUP, month, question, n, satisfied, n * 3).update();
	}

	MockHttpServletRequestBuilder dashboard(String from, String to) {
		return get("/insights/surveys").param("from", from).param("to", to).param("targetGroup", GROUP).with(POLITICIAN);
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	/** The table row with this data-label: its opening tag and its cells. */
	static String row(String html, String label) {
		Matcher m = Pattern.compile("<tr[^>]*data-label=\"" + Pattern.quote(label) + "\"[^>]*>.*?</tr>", Pattern.DOTALL)
			.matcher(html);
		assertThat(m.find()).as("a row for " + label).isTrue();
		return m.group();
	}

	static String attribute(String row, String name) {
		Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(row.substring(0, row.indexOf('>')));
		return m.find() ? m.group(1) : null;
	}

	@Test
	void aTeamsShareIsOfItsRespondentsWithTheirNumberAndAnIntervalOverThem() throws Exception {
		String html = page(dashboard("1996-01", "1996-04"));
		String job = row(html, teamNames.get(0));
		// 19 + 1 + 15 of 38 + 2 + 30 respondents, not the 76 items of January pooled with the others
		Rate expected = Rate.of(35, 70, 5);
		assertThat(job).contains("n = 70").contains(expected.percent() + " %")
			.contains("(95 %-interval " + expected.lowPercent() + "–" + expected.highPercent() + " %, n = 70)");
		// the whole period: 84 of 127 respondents
		assertThat(html).contains("n = 127");
		assertThat(expected.high() - expected.low()).as("an interval over 70 respondents, not 140 items")
			.isGreaterThan(Rate.of(70, 140, 5).high() - Rate.of(70, 140, 5).low());
	}

	@Test
	void oneQuestionsShareInTheGroupsHasThatQuestionsN() throws Exception {
		String code = jdbc.sql("""
				SELECT q.code FROM survey_question q JOIN survey_version v ON v.id = q.version_id
				WHERE v.status = 'ACTIVE' AND q.kind = 'SCALE' ORDER BY q.position LIMIT 1""").query(String.class).single();
		String html = page(dashboard("1996-01", "1996-01").param("question", code));
		assertThat(row(html, teamNames.get(0))).contains("n = 38").contains(Rate.of(30, 38, 5).percent() + " %");
		assertThat(html).contains("Andel positive svar: ");
	}

	@Test
	void aTeamWithTwoAnswersAndItsComplementAreHidden() throws Exception {
		String html = page(dashboard("1996-01", "1996-04"));
		assertThat(row(html, teamNames.get(2))).contains("For få svar").doesNotContain("n = 2");
		// 2 alone could be worked out as 129 - 72 - 55: so the next smallest team goes too
		assertThat(row(html, teamNames.get(1))).contains("For få svar").doesNotContain("n = 55");
		assertThat(row(html, teamNames.get(0))).contains(">72<");
	}

	@Test
	void aPeriodWithTwoAnswersShowsNoCount() throws Exception {
		String html = page(dashboard("1996-02", "1996-02"));
		Matcher card = Pattern.compile("id=\"total-answers\".*?</div>", Pattern.DOTALL).matcher(html);
		assertThat(card.find()).isTrue();
		assertThat(card.group()).contains("For få svar").doesNotContain(">2<").doesNotContain("ud af");
		String csv = mvc.perform(get("/insights/surveys.csv").param("from", "1996-02").param("to", "1996-02")
			.param("targetGroup", GROUP).with(POLITICIAN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String total = csv.lines().filter(l -> l.startsWith("\"total\"")).findFirst().orElseThrow();
		assertThat(total).isEqualTo("\"total\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"");
		assertThat(csv.lines().filter(l -> l.startsWith("\"team\"") || l.startsWith("\"month\"")))
			.allSatisfy(l -> assertThat(l.split(";")[2]).isEqualTo("\"\""));
	}

	@Test
	void aHiddenMonthIsAGapInTheChartsDataNeverAValue() throws Exception {
		String html = page(dashboard("1996-01", "1996-04"));
		String table = html.substring(html.indexOf("id=\"trend-table\""));
		// every month of the period is a row, April without answers too
		for (String month : List.of("1996-01", "1996-02", "1996-03", "1996-04")) {
			assertThat(table).contains("data-label=\"" + month + "\"");
		}
		String january = row(table, "1996-01");
		assertThat(attribute(january, "data-hidden")).isEqualTo("false");
		assertThat(attribute(january, "data-positive")).isEqualTo(String.valueOf(Rate.of(48, 70, 5).percent()));
		// February has 2 answers, April none, and March goes with them (2 + 0 could be worked out from the total)
		for (String month : List.of("1996-02", "1996-03", "1996-04")) {
			String r = row(table, month);
			assertThat(attribute(r, "data-hidden")).as(month).isEqualTo("true");
			assertThat(attribute(r, "data-positive")).as(month).isIn(null, "");
			assertThat(attribute(r, "data-response")).as(month).isIn(null, "");
			assertThat(r).as(month).contains("For få svar");
		}
		assertThat(html).contains("Måneder med for få svar er et hul i kurven, ikke 0 %.");
	}

	@Test
	void theDefinitionsAreOnThePage() throws Exception {
		String html = page(dashboard("1996-01", "1996-04"));
		assertThat(html).contains("Sådan regner vi")
			.contains("en kandidat er positiv, når mindst halvdelen af de spørgsmål, kandidaten gav en karakter, fik 4 eller 5")
			.contains("Kommentarer vises først, når måneden er slut");
		String english = page(dashboard("1996-01", "1996-04").param("lang", "en"));
		assertThat(english).contains("How we count").contains("a candidate is positive when at least half");
	}
}
