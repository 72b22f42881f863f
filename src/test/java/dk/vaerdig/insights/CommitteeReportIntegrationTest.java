package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.insights.internal.report.CommitteeReports;
import dk.vaerdig.insights.internal.report.CommitteeReports.Report;
import dk.vaerdig.insights.internal.report.ReportPeriod;

/**
 * The committee's report for the first quarter of 2007 (no other test and no demo data has figures then), by hand:
 * January 40 respondents of whom 30 positive (40 answers after 100 meetings), February 3 of whom 2 (3 after 90), March
 * 20 of whom 10 (20 after 80). February is below the threshold of 5, so March goes with it (else February could be
 * worked out from the quarter); the quarter is 42 positive of 63 = 67 %, 63 answers after 270 meetings = 23 %.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeReportIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommitteeReports reports;

	@BeforeAll
	void rollups() {
		long team = jdbc.sql("SELECT team_id FROM staff_user WHERE username = 'sagsbehandler'").query(Long.class).single();
		cell(team, "2007-01-01", 40, 30, 100);
		cell(team, "2007-02-01", 3, 2, 90);
		cell(team, "2007-03-01", 20, 10, 80);
		// a learning action of the quarter whose theme and title a spreadsheet would run as formulas
		jdbc.sql("""
				INSERT INTO learning_action (theme, title, owner, deadline, status, follow_up_on, created_by, created_at)
				VALUES ('@SUM(A1:A9)', '=HYPERLINK("http://example.invalid","klik")', 'leder', DATE '2007-03-15', 'DONE',
				  DATE '2007-06-01', 'leder', TIMESTAMPTZ '2007-02-10 10:00+01')""")
			.update();
		// handovers of the quarter, acknowledged within 2 working days of the change (Danish dates, 1 January closed):
		// January 7, in time 5 (71 %); February 2, in time 1 (the first changed at 00:30 Danish time, still 31 January
		// in UTC); March 6, all in time. February is too small, so March goes with it; the quarter is 12 of 15 = 80 %.
		long candidate = jdbc.sql("""
				INSERT INTO candidate (cpr, first_name, last_name, target_group_code, course_started, caseworker, team_id)
				VALUES ('311206-4713', 'Overdragelse', 'Rapporttest', 'LAB03', DATE '2006-12-01', 'sagsbehandler', ?)
				RETURNING id""").params(team).query(Long.class).single();
		handover(candidate, "2007-01-01 09:00+01", "2007-01-03 15:00+01"); // a holiday: deadline Wednesday 3rd
		handover(candidate, "2007-01-10 10:00+01", "2007-01-12 16:00+01");
		handover(candidate, "2007-01-12 10:00+01", "2007-01-16 09:00+01"); // Friday: over the weekend to Tuesday
		handover(candidate, "2007-01-12 11:00+01", "2007-01-17 09:00+01"); // late
		handover(candidate, "2007-01-22 10:00+01", "2007-01-24 23:30+01");
		handover(candidate, "2007-01-22 10:00+01", null); // never acknowledged, long past the deadline: late
		handover(candidate, "2007-01-31 10:00+01", "2007-02-02 10:00+01");
		handover(candidate, "2007-02-01 00:30+01", "2007-02-05 10:00+01"); // in time in Danish dates, not in UTC
		handover(candidate, "2007-02-14 10:00+01", "2007-02-20 10:00+01"); // late
		for (int i = 0; i < 6; i++) {
			handover(candidate, "2007-03-05 10:00+01", "2007-03-06 10:00+01");
		}
	}

	void handover(long candidate, String changed, String acknowledged) {
		jdbc.sql("""
				INSERT INTO handover (candidate_id, from_caseworker, to_caseworker, reason, created_by, created_at,
				  acknowledged_at) VALUES (?, 'sagsbehandler', 'sagsbehandler2', 'test', 'leder', CAST(? AS TIMESTAMPTZ),
				  CAST(? AS TIMESTAMPTZ))""")
			.params(candidate, changed, acknowledged)
			.update();
	}

	void cell(long team, String month, long respondents, long positive, long invited) {
		jdbc.sql("""
				INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact,
				  scored_respondents, positive_respondents) VALUES (?, 'LAB03', CAST(? AS DATE), ?, 0, 0, ?, ?)""")
			.params(team, month, respondents, respondents, positive)
			.update();
		jdbc.sql("INSERT INTO survey_rollup_invited (team_id, target_group_code, month, invited) VALUES (?, 'LAB03', CAST(? AS DATE), ?)")
			.params(team, month, invited)
			.update();
	}

	@Test
	void theQuarterPoolsItsMonthsAndHidesTheSmallMonthWithItsComplement() {
		Report r = reports.report(ReportPeriod.parse("2007-Q1"), Locale.forLanguageTag("da"));
		assertThat(r.dignity().totalHidden()).isFalse();
		assertThat(r.dignity().positive().successes()).isEqualTo(42);
		assertThat(r.dignity().positive().n()).isEqualTo(63);
		assertThat(r.dignity().positive().percent()).isEqualTo(67);
		assertThat(r.dignity().responseRate().percent()).isEqualTo(23);
		assertThat(r.dignity().months()).extracting(m -> m.satisfied().hidden()).containsExactly(false, true, true);
		assertThat(r.dignity().months().get(0).satisfied().percent()).isEqualTo(75);
		assertThat(r.outcomes().hidden()).isTrue();
		assertThat(r.dialogue()).isEmpty();
		// 2007 is long before the reform: its figures have no month in force, so they are hidden, never 0 %
		assertThat(r.reformRuleMet().hidden()).isTrue();
		assertThat(r.reformExempted().hidden()).isTrue();
	}

	@Test
	void politiciansReadThePageAndThePdfWithTheSameFigures() throws Exception {
		String page = mvc.perform(get("/insights/committee-report").param("period", "2007-Q1")
			.with(user("politiker").roles("POLITICIAN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("1. kvartal 2007").contains("67 %").contains("75 %");
		byte[] pdf = mvc.perform(get("/insights/committee-report.pdf").param("period", "2007-Q1")
			.with(user("politiker").roles("POLITICIAN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Rapport til beskæftigelsesudvalget, 1. kvartal 2007")
				.contains("67 %")
				.contains("For få til at vise")
				.contains("Dialogmøder med politikerne");
		}
	}

	@Test
	void theCsvHasEveryTableWithThePagesFiguresHidesWhatThePageHidesAndNeutralisesFormulas() throws Exception {
		String page = mvc.perform(get("/insights/committee-report").param("period", "2007-Q1")
			.with(user("politiker").roles("POLITICIAN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("/insights/committee-report.csv?period=2007-Q1");
		var response = mvc.perform(get("/insights/committee-report.csv").param("period", "2007-Q1")
			.with(user("politiker").roles("POLITICIAN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).contains("udvalgsrapport-2007-Q1.csv");
		String csv = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF");
		List<List<String>> rows = csvRows(csv.substring(1));
		assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(8));

		// every section of the page opens with a row holding only its heading
		List<String> sections = rows.stream()
			.filter(row -> !row.get(0).isEmpty() && row.subList(1, 8).stream().allMatch(String::isEmpty))
			.map(row -> row.get(0))
			.toList();
		assertThat(sections).containsExactly("Kandidaternes evaluering af mødet med jobcentret", "I sagde – vi gjorde",
				"Rettidighed", "Reformens regler: 75 % og 25 %", "Klager og hvad vi har lært",
				"Nye sagsbehandlere: overdragelser læst til tiden", "Forløbenes resultater",
				"Årets mål", "Dialogmøder med politikerne");

		// month for month: the same figures as the page's table, and February and March hidden in both
		Document html = Jsoup.parse(page);
		for (Element tr : html.select("#report-months tbody tr")) {
			String month = tr.selectFirst("th").text();
			List<String> positive = rows.stream()
				.filter(row -> row.get(1).equals(month) && row.get(2).equals("Kandidater, der samlet er positive"))
				.findFirst()
				.orElseThrow();
			String shown = tr.select("td").get(0).text();
			if (positive.get(3).isEmpty()) {
				assertThat(shown).isEqualTo("For få til at vise");
				assertThat(positive.subList(3, 8)).containsExactly("", "", "", "", "For få til at vise");
			}
			else {
				assertThat(shown).isEqualTo(positive.get(3) + " % (95 %-interval " + positive.get(4) + "–" + positive.get(5)
						+ " %, n = " + positive.get(6) + ")");
			}
		}
		assertThat(rows).filteredOn(row -> row.get(2).equals("Kandidater, der samlet er positive"))
			.extracting(row -> row.get(1) + "=" + row.get(3) + "/" + row.get(6))
			.containsExactly("=67/63", "2007-01=75/40", "2007-02=/", "2007-03=/");

		assertThat(rows).filteredOn(row -> row.get(2).equals("Kvitteret til tiden"))
			.extracting(row -> row.get(1) + "=" + row.get(3) + "/" + row.get(6) + row.get(7))
			.containsExactly("=80/15", "2007-01=71/7", "2007-02=/For få til at vise", "2007-03=/For få til at vise");
		assertThat(html.select("#report-handovers tbody td")).extracting(Element::text)
			.containsExactly("71 % (95 %-interval 36–92 %, n = 7)", "For få til at vise", "For få til at vise");

		// a cell a spreadsheet would run as a formula starts with a quote
		assertThat(rows).anySatisfy(row -> assertThat(row.subList(1, 3))
			.containsExactly("'@SUM(A1:A9)", "'=HYPERLINK(\"http://example.invalid\",\"klik\")"));
		assertThat(rows).flatExtracting(row -> row).noneMatch(cell -> cell.startsWith("=") || cell.startsWith("@"));
	}

	/** The rows of a CSV whose every cell is quoted, separated by semicolons, lines ended by CRLF. */
	static List<List<String>> csvRows(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ';') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
		}
		return rows;
	}

	@Test
	void handoversAcknowledgedInTimeByHandPerMonthAndPerQuarterUnderTheThreshold() {
		Report quarter = reports.report(ReportPeriod.parse("2007-Q1"), Locale.forLanguageTag("da"));
		assertThat(quarter.handovers().deadlineWorkingDays()).isEqualTo(2);
		assertThat(quarter.handovers().total().successes()).isEqualTo(12);
		assertThat(quarter.handovers().total().n()).isEqualTo(15);
		assertThat(quarter.handovers().total().percent()).isEqualTo(80);
		assertThat(quarter.handovers().cells()).extracting(c -> c.label() + " " + c.inTime().successes() + "/"
				+ c.inTime().n() + (c.inTime().hidden() ? " hidden" : ""))
			.containsExactly("2007-01 5/7", "2007-02 1/2 hidden", "2007-03 6/6 hidden");
		assertThat(quarter.handovers().cells().get(0).inTime().percent()).isEqualTo(71);
		Report year = reports.report(ReportPeriod.parse("2007"), Locale.forLanguageTag("da"));
		assertThat(year.handovers().cells()).extracting(c -> c.label() + " " + c.inTime().n() + (c.inTime().hidden() ? " hidden" : ""))
			.containsExactly("2007-Q1 15", "2007-Q2 0 hidden", "2007-Q3 0 hidden", "2007-Q4 0 hidden");
		assertThat(year.handovers().total().percent()).isEqualTo(80);
	}

	@Test
	void aYearIsAPeriodTooAndAMalformedPeriodIsRefused() throws Exception {
		Report year = reports.report(ReportPeriod.parse("2007"), Locale.forLanguageTag("da"));
		assertThat(year.dignity().months()).hasSize(12);
		mvc.perform(get("/insights/committee-report").param("period", "2007-Q5").with(user("leder").roles("MANAGER")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/insights/committee-report").with(user("teamleder").roles("TEAM_LEAD"))).andExpect(status().isOk());
		mvc.perform(get("/insights/committee-report").with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/insights/committee-report.pdf").with(user("admin").roles("ADMIN")))
			.andExpect(status().isForbidden());
	}
}
