package dk.vaerdig.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import dk.vaerdig.IntegrationTest;

/**
 * The learning report, which politicians read, with counts of 1 and 2: every small count is hidden on the page and in
 * the CSV, and none can be worked out from the total by subtraction. Uses 1997, where no other test puts complaints.
 */
@IntegrationTest
class ReportAnonymityIntegrationTest {

	static final RequestPostProcessor POLITICIAN = user("politiker").roles("POLITICIAN");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	List<Long> teams;

	@BeforeEach
	void complaintsOf1997() {
		teams = jdbc.sql("SELECT id FROM team ORDER BY id").query(Long.class).list();
		if (jdbc.sql("SELECT count(*) FROM complaint WHERE received_on < '1998-01-01'").query(Long.class).single() > 0) {
			return;
		}
		// March: two complaints, both in the first team, and nothing else
		complaints(teams.get(0), LocalDate.of(1997, 3, 10), 2, "ventetid");
		// May: one complaint
		complaints(teams.get(0), LocalDate.of(1997, 5, 12), 1, null);
		// June: one complaint in each of two teams, thirty in the third
		complaints(teams.get(0), LocalDate.of(1997, 6, 3), 1, "ventetid");
		complaints(teams.get(1), LocalDate.of(1997, 6, 4), 1, "tone");
		complaints(teams.get(2), LocalDate.of(1997, 6, 5), 30, "sagsbehandlingstid");
	}

	void complaints(long team, LocalDate received, int count, String theme) {
		for (int i = 0; i < count; i++) {
			long id = jdbc.sql("""
					INSERT INTO complaint (candidate_id, team_id, channel, received_on, decision_ref, decision_received_on,
					  complaint_deadline, late, what_candidate_says, category_id, reassess_by, forward_by, status,
					  registered_by, registered_at)
					VALUES ((SELECT min(id) FROM candidate), ?, 'PHONE', ?, 'Anonymitet 1997', ?, ?, FALSE, 'Uenig', (SELECT min(id) FROM complaint_category),
					  ?, ?, 'RECEIVED', 'klage', now()) RETURNING id""")
				.params(team, received, received, received.plusWeeks(4), received.plusWeeks(2), received.plusWeeks(4))
				.query(Long.class)
				.single();
			if (theme != null) {
				jdbc.sql("INSERT INTO complaint_theme (complaint_id, theme) VALUES (?, ?)").params(id, theme).update();
			}
		}
	}

	String page(String month) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(get("/complaints/report").param("month", month).with(POLITICIAN))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	/** The CSV's lines as cells (every cell is quoted, ; between them). */
	List<List<String>> csv(String month) throws Exception {
		String csv = mvc.perform(get("/complaints/report.csv").param("month", month).with(POLITICIAN))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<List<String>> rows = new ArrayList<>();
		for (String line : csv.replace("\uFEFF", "").split("\r\n")) {
			List<String> cells = new ArrayList<>();
			for (String cell : line.substring(1, line.length() - 1).split("\";\"", -1)) {
				cells.add(cell);
			}
			rows.add(cells);
		}
		return rows;
	}

	static List<List<String>> kind(List<List<String>> rows, String kind) {
		return rows.stream().filter(r -> r.get(0).equals(kind)).toList();
	}

	static long count(List<String> row) {
		return row.get(2).isEmpty() ? -1 : Long.parseLong(row.get(2));
	}

	@Test
	void aMonthWithTwoComplaintsShowsNoCountAnywhere() throws Exception {
		String html = page("1997-03");
		assertThat(html).contains("Der kom så få klager, at tallet ikke vises").doesNotContain("kom der 2 klager");
		var rows = csv("1997-03");
		assertThat(count(kind(rows, "total").get(0))).isEqualTo(-1);
		assertThat(kind(rows, "total").get(0).get(4)).isEmpty();
		assertThat(kind(rows, "team")).allSatisfy(r -> assertThat(count(r)).isIn(-1L, 0L));
		assertThat(kind(rows, "theme")).allSatisfy(r -> assertThat(count(r)).isEqualTo(-1));
		assertThat(kind(rows, "month")).filteredOn(r -> r.get(1).equals("1997-03"))
			.singleElement().satisfies(r -> assertThat(count(r)).isEqualTo(-1));
	}

	@Test
	void aMonthWithOneComplaintIsHiddenInTheTrend() throws Exception {
		var rows = csv("1997-06");
		assertThat(kind(rows, "month")).filteredOn(r -> r.get(1).equals("1997-05"))
			.singleElement().satisfies(r -> assertThat(count(r)).isEqualTo(-1));
		var cell = java.util.regex.Pattern.compile("<td>1997-05</td>\\s*<td>([^<]*)</td>").matcher(page("1997-06"));
		assertThat(cell.find()).isTrue();
		assertThat(cell.group(1)).isEqualTo("For få til at vise");
	}

	@Test
	void twoTeamsWithOneComplaintEachCannotBeWorkedOutFromTheTotal() throws Exception {
		var rows = csv("1997-06");
		long total = count(kind(rows, "total").get(0));
		assertThat(total).isEqualTo(32);
		long shownSum = 0;
		for (var team : kind(rows, "team")) {
			long n = count(team);
			assertThat(n == -1 || n == 0 || n >= 5).as(team.toString()).isTrue();
			shownSum += Math.max(0, n);
		}
		// what subtraction gives is the hidden teams together: never a small number
		long hiddenTogether = total - shownSum;
		assertThat(hiddenTogether == 0 || hiddenTogether >= 5).as("total %d minus the shown teams", total).isTrue();
		assertThat(kind(rows, "team")).filteredOn(r -> count(r) == -1).hasSizeGreaterThanOrEqualTo(2);
		// the themes: 1, 1 and 30 as well
		long shownThemes = kind(rows, "theme").stream().mapToLong(r -> Math.max(0, count(r))).sum();
		assertThat(kind(rows, "theme")).allSatisfy(r -> assertThat(count(r) == -1 || count(r) >= 5).isTrue());
		assertThat(total - shownThemes == 0 || total - shownThemes >= 5).isTrue();
		String html = page("1997-06");
		assertThat(html).contains("kom der 32 klager").contains("For få til at vise");
	}
}
