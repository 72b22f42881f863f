package dk.vaerdig.casework;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.access.Retention;

/**
 * Closing a course with its outcome from the case page, reopening it, and the ordinary hours: the confirmation step,
 * validation that names the field and keeps the input, optimistic locking, a second submit that saves nothing more,
 * access as on the case page, a closed case that refuses changes, lasting solutions computed at a new course, and
 * retention counting from a closing made here.
 */
@IntegrationTest
class CourseOutcomesIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor JONAS = user("sagsbehandler2").roles("CASEWORKER");

	static final RequestPostProcessor LEAD = user("teamleder").roles("TEAM_LEAD");

	static final RequestPostProcessor KLAGE = user("klage").roles("COMPLAINT_HANDLER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	Retention retention;

	LocalDate today = LocalDate.now();

	/** A candidate of Team Job whose course started 400 days ago. */
	long course() {
		long id = candidates.make("sagsbehandler").id();
		jdbc.sql("UPDATE candidate SET course_started = ? WHERE id = ?").params(today.minusDays(400), id).update();
		return id;
	}

	int version(long id) {
		return jdbc.sql("SELECT version FROM candidate WHERE id = ?").param(id).query(Integer.class).single();
	}

	ResultActions post(String url, RequestPostProcessor as, Map<String, String> params) throws Exception {
		MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
			.with(as).with(csrf());
		params.forEach(request::param);
		return mvc.perform(request);
	}

	ResultActions close(long id, RequestPostProcessor as, String outcome, LocalDate on, String hours, int version,
			UUID request, boolean confirmed) throws Exception {
		return post("/cases/" + id + "/close", as, Map.of("outcome", outcome, "closedOn", on.toString(), "weeklyHours",
				hours, "version", String.valueOf(version), "requestId", request.toString(), "confirmed",
				String.valueOf(confirmed)));
	}

	ResultActions reopen(long id, RequestPostProcessor as, String kind, LocalDate starts, String reason) throws Exception {
		long outcome = jdbc.sql("SELECT max(id) FROM course_outcome WHERE candidate_id = ?").param(id).query(Long.class).single();
		return post("/cases/" + id + "/reopen", as, Map.of("kind", kind, "newCourseStarts",
				starts == null ? "" : starts.toString(), "reason", reason, "outcomeId", String.valueOf(outcome), "version",
				String.valueOf(version(id))));
	}

	LocalDate closedOn(long id) {
		return jdbc.sql("SELECT course_closed_on FROM candidate WHERE id = ?").param(id).query(LocalDate.class).optional()
			.orElse(null);
	}

	long outcomes(long id) {
		return jdbc.sql("SELECT count(*) FROM course_outcome WHERE candidate_id = ?").param(id).query(Long.class).single();
	}

	long plannedMeeting(long id) {
		return jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, agenda, status)
				VALUES (?, 'sagsbehandler', now() + interval '3 days', 'IN_PERSON', 'Dagsorden', 'PLANNED') RETURNING id""")
			.param(id).query(Long.class).single();
	}

	@Test
	void closingAsksForConfirmationThenClosesCancelsPlannedMeetingsAndShowsOnTheCase() throws Exception {
		long id = course();
		long meeting = plannedMeeting(id);
		UUID request = UUID.randomUUID();
		LocalDate on = today.minusDays(3);
		close(id, METTE, "ORDINARY_JOB", on, "37", version(id), request, false)
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Er oplysningerne rigtige?")))
			.andExpect(content().string(containsText("Der er 1 planlagte samtaler. De bliver aflyst")))
			.andExpect(content().string(containsText("Ja, afslut forløbet")));
		assertThat(closedOn(id)).as("nothing closed before the confirmation").isNull();
		close(id, METTE, "ORDINARY_JOB", on, "37", version(id), request, true)
			.andExpect(redirectedUrl("/cases/" + id))
			.andExpect(flash().attribute("flash", "casework.outcome.closed"));
		assertThat(closedOn(id)).isEqualTo(on);
		assertThat(jdbc.sql("SELECT outcome, weekly_hours, closed_by, team_id IS NOT NULL FROM course_outcome WHERE candidate_id = ?")
			.param(id).query().listOfRows()).singleElement().satisfies(r -> {
				assertThat(r.get("outcome")).isEqualTo("ORDINARY_JOB");
				assertThat(((Number) r.get("weekly_hours")).intValue()).isEqualTo(37);
				assertThat(r.get("closed_by")).isEqualTo("sagsbehandler");
			});
		assertThat(jdbc.sql("SELECT status FROM meeting WHERE id = ?").param(meeting).query(String.class).single())
			.isEqualTo("CANCELLED");
		assertThat(jdbc.sql("SELECT next_meeting_due FROM candidate WHERE id = ?").param(id).query(LocalDate.class).optional())
			.isEmpty();
		mvc.perform(get("/cases/{id}", id).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Forløbet blev afsluttet den")))
			.andExpect(content().string(containsText("Resultat: Ordinært job.")))
			.andExpect(content().string(containsText("Forløbet afsluttet: ordinært job")))
			.andExpect(content().string(containsString("/cases/" + id + "/reopen")))
			.andExpect(content().string(not(containsString("/cases/" + id + "/meetings/new"))))
			.andExpect(content().string(not(containsString("/cases/" + id + "/notes"))))
			.andExpect(content().string(not(containsString("/cases/" + id + "/close"))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"a date in the future | ORDINARY_JOB | 5    | 37   | Afsluttet den: Datoen må ikke ligge ude i fremtiden.",
			"before the course    | EDUCATION    | -500 |      | Afsluttet den: Datoen må ikke ligge før forløbet startede.",
			"a job without hours  | FLEXJOB      | -2   |      | Timer om ugen: Skriv timerne om ugen, når resultatet er et job.",
			"hours in words       | FLEXJOB      | -2   | tolv | Timer om ugen: Skriv et tal med højst én decimal, fx 18,5.",
			"too many hours       | ORDINARY_JOB | -2   | 81   | Timer om ugen: Timerne skal ligge mellem 0 og 80 om ugen.",
			"no outcome           |              | -2   |      | Resultat: Udfyld feltet." })
	void aValueTheRulesRefuseIsNamedWithItsFieldAndTheFormKept(String what, String outcome, int days, String hours,
			String message) throws Exception {
		long id = course();
		LocalDate on = today.plusDays(days);
		close(id, METTE, outcome == null ? "" : outcome, on, hours == null ? "" : hours, version(id), UUID.randomUUID(), true)
			.andExpect(status().isOk())
			.andExpect(content().string(containsText(message)))
			.andExpect(content().string(containsString("value=\"" + on + "\"")));
		assertThat(closedOn(id)).isNull();
		assertThat(outcomes(id)).isZero();
	}

	@Test
	void hoursWithADecimalCommaAreUnderstood() throws Exception {
		long id = course();
		close(id, METTE, "FLEXJOB", today, "18,5", version(id), UUID.randomUUID(), true).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT weekly_hours FROM course_outcome WHERE candidate_id = ?").param(id)
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("18.5");
	}

	@Test
	void aSecondSubmitOfTheSameFormClosesOnce() throws Exception {
		long id = course();
		UUID request = UUID.randomUUID();
		int version = version(id);
		close(id, METTE, "EDUCATION", today, "", version, request, true).andExpect(redirectedUrl("/cases/" + id));
		close(id, METTE, "EDUCATION", today, "", version, request, true)
			.andExpect(redirectedUrl("/cases/" + id))
			.andExpect(flash().attribute("flash", "casework.outcome.alreadyDone"));
		assertThat(outcomes(id)).isEqualTo(1);
	}

	@Test
	void twoPeopleClosingAtOnceTheSecondIsToldAndNothingIsSavedTwice() throws Exception {
		long id = course();
		int seen = version(id);
		close(id, METTE, "EDUCATION", today, "", seen, UUID.randomUUID(), true).andExpect(status().is3xxRedirection());
		close(id, JONAS, "MOVED", today, "", seen, UUID.randomUUID(), true)
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("En anden har ændret sagen, mens du arbejdede")));
		assertThat(jdbc.sql("SELECT outcome FROM course_outcome WHERE candidate_id = ?").param(id).query(String.class).list())
			.containsExactly("EDUCATION");
		// a reopening on the version seen before someone else reopened and closed again is refused too
		reopen(id, METTE, "CORRECTION", null, "Forkert sag").andExpect(status().is3xxRedirection());
		int stale = version(id);
		long firstClosing = jdbc.sql("SELECT max(id) FROM course_outcome WHERE candidate_id = ?").param(id).query(Long.class).single();
		close(id, METTE, "MOVED", today, "", stale, UUID.randomUUID(), true).andExpect(status().is3xxRedirection());
		post("/cases/" + id + "/reopen", JONAS, Map.of("kind", "CORRECTION", "reason", "Fejl", "outcomeId",
				String.valueOf(firstClosing), "version", String.valueOf(stale)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("En anden har ændret sagen, mens du arbejdede")));
		assertThat(closedOn(id)).isEqualTo(today);
	}

	@Test
	void theCaseOfAnotherTeamAnswersAsAMissingOneAndTheComplaintHandlerOnlyReads() throws Exception {
		long id = course();
		String otherTeam = jdbc.sql("""
				SELECT username FROM staff_user WHERE role = 'CASEWORKER'
				AND team_id <> (SELECT team_id FROM staff_user WHERE username = 'sagsbehandler') ORDER BY username LIMIT 1""")
			.query(String.class).single();
		RequestPostProcessor other = user(otherTeam).roles("CASEWORKER");
		mvc.perform(get("/cases/{id}/close", id).with(other)).andExpect(status().isNotFound());
		close(id, other, "EDUCATION", today, "", version(id), UUID.randomUUID(), true).andExpect(status().isNotFound());
		mvc.perform(get("/cases/{id}/close", id).with(KLAGE)).andExpect(status().isForbidden());
		close(id, KLAGE, "EDUCATION", today, "", version(id), UUID.randomUUID(), true).andExpect(status().isForbidden());
		post("/cases/" + id + "/hours", KLAGE, Map.of("fromDate", today.toString(), "weeklyHours", "5"))
			.andExpect(status().isForbidden());
		assertThat(outcomes(id)).isZero();
		// the team lead of the team closes it; the complaint handler may not reopen it, but reads it
		close(id, LEAD, "EDUCATION", today, "", version(id), UUID.randomUUID(), true).andExpect(status().is3xxRedirection());
		mvc.perform(get("/cases/{id}/reopen", id).with(KLAGE)).andExpect(status().isForbidden());
		reopen(id, KLAGE, "CORRECTION", null, "Fejl").andExpect(status().isForbidden());
		mvc.perform(get("/cases/{id}/reopen", id).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/cases/{id}", id).with(KLAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Forløbet blev afsluttet den")))
			.andExpect(content().string(not(containsString("/cases/" + id + "/reopen"))));
		assertThat(closedOn(id)).isEqualTo(today);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = { "GET | /cases/{id}/meetings/new", "POST | /cases/{id}/meetings",
			"POST | /cases/{id}/notes", "GET | /cases/{id}/story", "POST | /cases/{id}/plan/goals",
			"GET | /cases/{id}/reassign", "POST | /cases/{id}/hours", "GET | /cases/{id}/close" })
	void aClosedCourseRefusesChangesWithAClearMessage(String method, String path) throws Exception {
		long id = course();
		close(id, METTE, "EDUCATION", today, "", version(id), UUID.randomUUID(), true).andExpect(status().is3xxRedirection());
		String url = path.replace("{id}", String.valueOf(id));
		(method.equals("GET") ? mvc.perform(get(url).with(METTE))
				: post(url, METTE, Map.of("text", "Et mål", "fromDate", today.toString(), "weeklyHours", "5",
						"plannedAt", today.plusDays(7).atTime(10, 0).toString(), "form", "IN_PERSON", "agenda", "Dagsorden")))
			.andExpect(status().isConflict())
			// the reason, in the user's language, is what the error page shows
			.andExpect(status().reason(org.hamcrest.Matchers.startsWith("Forløbet er afsluttet, så sagen kan kun læses")));
		assertThat(jdbc.sql("""
				SELECT (SELECT count(*) FROM meeting WHERE candidate_id = :id) + (SELECT count(*) FROM case_note WHERE candidate_id = :id)
				  + (SELECT count(*) FROM plan_goal WHERE candidate_id = :id) + (SELECT count(*) FROM ordinary_hours WHERE candidate_id = :id)""")
			.param("id", id).query(Long.class).single()).isZero();
		// the plan is there to read, without its forms
		mvc.perform(get("/cases/{id}/plan", id).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Forløbet er afsluttet")))
			.andExpect(content().string(not(containsString("/plan/goals"))));
	}

	@Test
	void aNewCourseRecordsWhetherThePersonCameBackWithin3And12MonthsAndKeepsTheHistory() throws Exception {
		long soon = course();
		LocalDate closed = today.minusDays(200);
		close(soon, METTE, "ORDINARY_JOB", closed, "37", version(soon), UUID.randomUUID(), true)
			.andExpect(status().is3xxRedirection());
		reopen(soon, METTE, "NEW_COURSE", closed.plusDays(40), "Mistede jobbet")
			.andExpect(redirectedUrl("/cases/" + soon))
			.andExpect(flash().attribute("flash", "casework.reopen.done"));
		long later = course();
		LocalDate closedLater = today.minusDays(300);
		close(later, METTE, "REDUCED_HOURS_JOB", closedLater, "20", version(later), UUID.randomUUID(), true)
			.andExpect(status().is3xxRedirection());
		reopen(later, METTE, "NEW_COURSE", closedLater.plusDays(150), "Tilbage på ydelse").andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT back_within_3_months, back_within_12_months, reopened_on FROM course_outcome WHERE candidate_id = ?")
			.param(soon).query().singleRow()).containsEntry("back_within_3_months", true)
			.containsEntry("back_within_12_months", true);
		assertThat(jdbc.sql("SELECT back_within_3_months, back_within_12_months FROM course_outcome WHERE candidate_id = ?")
			.param(later).query().singleRow()).containsEntry("back_within_3_months", false)
			.containsEntry("back_within_12_months", true);
		// the new course begins that day, is open, and has a meeting due again
		assertThat(closedOn(soon)).isNull();
		assertThat(jdbc.sql("SELECT course_started FROM candidate WHERE id = ?").param(soon).query(LocalDate.class).single())
			.isEqualTo(closed.plusDays(40));
		assertThat(jdbc.sql("SELECT next_meeting_due FROM candidate WHERE id = ?").param(soon).query(LocalDate.class).optional())
			.isPresent();
		// closed again: two closings in the history, the first with its reopening
		close(soon, METTE, "EDUCATION", today, "", version(soon), UUID.randomUUID(), true).andExpect(status().is3xxRedirection());
		assertThat(outcomes(soon)).isEqualTo(2);
		mvc.perform(get("/cases/{id}", soon).with(METTE))
			.andExpect(content().string(containsText("Nyt forløb fra")))
			.andExpect(content().string(containsText("Mistede jobbet")))
			.andExpect(content().string(containsText("Kom tilbage på ydelse inden for 3 måneder.")))
			.andExpect(content().string(containsText("Nyt forløb begyndt")));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"no day for a new course   | NEW_COURSE |      | Tilbage | Det nye forløb begynder den: Udfyld feltet.",
			"a day before the closing  | NEW_COURSE | -20  | Tilbage | Det nye forløb begynder den: Datoen må ikke ligge før forløbet blev afsluttet.",
			"a day in the future       | NEW_COURSE | 30   | Tilbage | Det nye forløb begynder den: Datoen må ikke ligge ude i fremtiden.",
			"no reason                 | CORRECTION |      |         | Begrundelse: Udfyld feltet.",
			"no kind                   |            |      | Fejl    | Hvorfor genåbnes forløbet?: Udfyld feltet." })
	void aReopeningTheRulesRefuseIsNamedWithItsField(String what, String kind, Integer days, String reason, String message)
			throws Exception {
		long id = course();
		LocalDate closed = today.minusDays(10);
		close(id, METTE, "OTHER", closed, "", version(id), UUID.randomUUID(), true).andExpect(status().is3xxRedirection());
		reopen(id, METTE, kind == null ? "" : kind, days == null ? null : closed.plusDays(days), reason == null ? "" : reason)
			.andExpect(status().isOk())
			.andExpect(content().string(containsText(message)));
		assertThat(closedOn(id)).isEqualTo(closed);
	}

	@Test
	void aCorrectionTakesTheClosingOutOfTheFiguresAndTheCourseGoesOn() throws Exception {
		long id = course();
		close(id, METTE, "MOVED", today.minusDays(1), "", version(id), UUID.randomUUID(), true).andExpect(status().is3xxRedirection());
		reopen(id, METTE, "CORRECTION", null, "Afsluttet på den forkerte sag").andExpect(status().is3xxRedirection());
		assertThat(closedOn(id)).isNull();
		assertThat(jdbc.sql("SELECT course_started FROM candidate WHERE id = ?").param(id).query(LocalDate.class).single())
			.as("the same course").isEqualTo(today.minusDays(400));
		assertThat(jdbc.sql("SELECT reopen_kind, back_within_3_months FROM course_outcome WHERE candidate_id = ?").param(id)
			.query().singleRow()).containsEntry("reopen_kind", "CORRECTION").containsEntry("back_within_3_months", null);
		mvc.perform(get("/cases/{id}", id).with(METTE))
			.andExpect(content().string(containsText("Forløbet genåbnet: afsluttet ved en fejl")))
			.andExpect(content().string(containsString("/cases/" + id + "/meetings/new")));
	}

	@Test
	void ordinaryHoursAreRecordedOverTimeOnceADay() throws Exception {
		long id = course();
		post("/cases/" + id + "/hours", METTE, Map.of("fromDate", today.minusDays(60).toString(), "weeklyHours", "6"))
			.andExpect(redirectedUrl("/cases/" + id + "/hours"));
		post("/cases/" + id + "/hours", METTE, Map.of("fromDate", today.minusDays(10).toString(), "weeklyHours", "12,5"))
			.andExpect(redirectedUrl("/cases/" + id + "/hours"));
		// the same again: a second submit, nothing more
		post("/cases/" + id + "/hours", METTE, Map.of("fromDate", today.minusDays(10).toString(), "weeklyHours", "12.5"))
			.andExpect(flash().attribute("flash", "casework.outcome.alreadyDone"));
		// another figure the same day: refused, named
		post("/cases/" + id + "/hours", METTE, Map.of("fromDate", today.minusDays(10).toString(), "weeklyHours", "14"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Fra dato: Der er allerede registreret et andet antal timer fra den dato.")));
		post("/cases/" + id + "/hours", METTE, Map.of("fromDate", today.plusDays(1).toString(), "weeklyHours", "14"))
			.andExpect(content().string(containsText("Fra dato: Datoen må ikke ligge ude i fremtiden.")));
		assertThat(jdbc.sql("SELECT weekly_hours FROM ordinary_hours WHERE candidate_id = ? ORDER BY from_date").param(id)
			.query(java.math.BigDecimal.class).list()).extracting(java.math.BigDecimal::doubleValue).containsExactly(6.0, 12.5);
		mvc.perform(get("/cases/{id}/hours", id).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("+6,5")));
		mvc.perform(get("/cases/{id}", id).with(METTE))
			.andExpect(content().string(containsText("12,5 timer om ugen")));
	}

	@Test
	void theRetentionJobDeletesACaseClosedHereFiveYearsLater() throws Exception {
		long id = candidates.make("sagsbehandler").id();
		jdbc.sql("UPDATE candidate SET course_started = DATE '2009-01-05' WHERE id = ?").param(id).update();
		post("/cases/" + id + "/hours", METTE, Map.of("fromDate", "2009-06-01", "weeklyHours", "10"))
			.andExpect(status().is3xxRedirection());
		close(id, METTE, "ORDINARY_JOB", LocalDate.of(2010, 5, 3), "37", version(id), UUID.randomUUID(), true)
			.andExpect(status().is3xxRedirection());
		retention.run(LocalDate.of(2015, 5, 3), 1000);
		assertThat(jdbc.sql("SELECT count(*) FROM candidate WHERE id = ?").param(id).query(Long.class).single())
			.as("kept on the fifth anniversary of the closing").isOne();
		retention.run(LocalDate.of(2015, 5, 4), 1000);
		assertThat(jdbc.sql("SELECT count(*) FROM candidate WHERE id = ?").param(id).query(Long.class).single()).isZero();
		assertThat(outcomes(id)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM ordinary_hours WHERE candidate_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

}
