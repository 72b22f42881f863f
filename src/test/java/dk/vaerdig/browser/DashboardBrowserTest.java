package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evaluation dashboard in a real browser, with made-up rollups of 1995 for a made-up target group (LAB96): the
 * trend chart gets null, a gap, for a month with too few answers and for a month with none, never 0 %; the page passes
 * axe-core with the new cards, the question selector and the definitions.
 */
class DashboardBrowserTest extends BrowserTest {

	static final String GROUP = "LAB96";

	@Autowired
	JdbcClient jdbc;

	void rollupsOf1995() {
		if (jdbc.sql("SELECT count(*) FROM survey_rollup_answer WHERE target_group_code = ?").param(GROUP).query(Long.class)
			.single() > 0) {
			return;
		}
		long team = jdbc.sql("SELECT min(id) FROM team").query(Long.class).single();
		// answers, respondents with a score, positive respondents, meetings held per month; May has meetings only
		long[][] months = { { 40, 40, 30, 90 }, { 3, 3, 3, 20 }, { 50, 48, 24, 100 }, { 45, 45, 36, 90 }, { 0, 0, 0, 30 } };
		for (int m = 0; m < months.length; m++) {
			LocalDate month = LocalDate.of(1995, 1 + m, 1);
			if (months[m][0] > 0) {
				jdbc.sql("""
						INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact,
						  scored_respondents, positive_respondents) VALUES (?, ?, ?, ?, 0, 0, ?, ?)""")
					.params(team, GROUP, month, months[m][0], months[m][1], months[m][2]).update();
			}
			jdbc.sql("INSERT INTO survey_rollup_invited (team_id, target_group_code, month, invited) VALUES (?, ?, ?, ?)")
				.params(team, GROUP, month, months[m][3]).update();
		}
	}

	@SuppressWarnings("unchecked")
	List<Object> chartData(int dataset) {
		return (List<Object>) ((JavascriptExecutor) driver).executeScript(
				"var c = Chart.getChart(document.getElementById('trend-chart'));"
						+ " return c ? c.data.datasets[arguments[0]].data : null;", dataset);
	}

	@Test
	void aHiddenMonthIsAGapInTheTrendChart() {
		rollupsOf1995();
		login("politiker");
		open("/insights/surveys?from=1995-01&to=1995-05&targetGroup=" + GROUP);
		waitFor(d -> chartData(0) != null);
		// January 30/40, February 3 answers (hidden, and with it the smallest other month, January), March 24/48,
		// April 36/45, May no answers
		assertThat(chartData(0)).containsExactly(null, null, 50L, 80L, null);
		assertThat(chartData(1)).containsExactly(null, null, 50L, 50L, null);
		assertThat(Arrays.stream(text().split("\n")).filter(l -> l.startsWith("1995-02")).findFirst().orElseThrow())
			.contains("For få svar");
		assertThat(text()).contains("Positive kandidater", "Sådan regner vi");
		assertAccessible();
		screenshot("survey-dashboard-gaps");
		open("/insights/surveys?from=1995-01&to=1995-05&lang=en&targetGroup=" + GROUP);
		waitFor(d -> chartData(0) != null);
		assertThat(text()).contains("How we count");
		assertAccessible();
	}
}
