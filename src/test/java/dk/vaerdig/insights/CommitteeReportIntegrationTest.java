package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
