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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.platform.WorkingDays;

/**
 * The complaint handler reads every case but changes none: no note, story, meeting, plan, reassignment or wish for a
 * new caseworker, neither through the buttons (hidden) nor by opening the form or posting to it (403).
 */
@IntegrationTest
class ComplaintHandlerReadOnlyIntegrationTest {

	static final RequestPostProcessor KLAGE = user("klage").roles("COMPLAINT_HANDLER");

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	long plannedMeeting(long candidateId) {
		return jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, agenda, status)
				VALUES (?, 'sagsbehandler', now() + interval '2 days', 'IN_PERSON', 'Dagsorden', 'PLANNED') RETURNING id""")
			.param(candidateId)
			.query(Long.class)
			.single();
	}

	String inTwoWorkingDays() {
		return workingDays.plus(LocalDate.now(), 2).atTime(10, 0).toString();
	}

	@ParameterizedTest(name = "GET {0}")
	@CsvSource({ "/cases/new", "/cases/{id}/story", "/cases/{id}/meetings/new", "/cases/{id}/meetings/{m}/record",
			"/cases/{id}/reassign", "/cases/{id}/change-request", "/cases/{id}/close" })
	void theComplaintHandlerCannotOpenAForm(String path) throws Exception {
		var c = candidates.make("sagsbehandler");
		long m = plannedMeeting(c.id());
		String url = path.replace("{id}", String.valueOf(c.id())).replace("{m}", String.valueOf(m));
		mvc.perform(get(url).with(KLAGE)).andExpect(status().isForbidden());
		// the same page opens for the caseworker, so the 403 is the role's, not a broken page
		mvc.perform(get(url).with(METTE)).andExpect(status().isOk());
	}

	@ParameterizedTest(name = "POST {0}")
	@CsvSource(delimiter = '|', value = {
			"/cases/new | cpr=010140-1111&firstName=Ny&lastName=Kandidat&targetGroupCode=LAB02&courseStarted=2026-01-05&caseworker=sagsbehandler",
			"/cases/{id}/notes | text=Et notat fra klagebehandleren",
			"/cases/{id}/story | text=Ny historie&baseVersion=0",
			"/cases/{id}/meetings | plannedAt={when}&form=IN_PERSON&agenda=Dagsorden",
			"/cases/{id}/meetings/{m}/record | heldAt={held}&talkedAbout=Job&nextStep=Søg job&version=0",
			"/cases/{id}/meetings/{m}/cancel | x=1",
			"/cases/{id}/plan/goals | text=Et mål",
			"/cases/{id}/plan/offers | kind=EDUCATION&title=Kursus",
			"/cases/{id}/plan/choice | choice=NONE&reason=Vil ikke",
			"/cases/{id}/reassign | caseworker=sagsbehandler2&reason=Skift&version=0",
			"/cases/{id}/change-request | requestedOn={today}&talkAt={when}",
			"/cases/{id}/employment/competences | skill=Truckkørsel&source=CANDIDATE&evidence=",
			"/cases/{id}/employment/wishes | hoursPerWeek=30&postalCode=4700",
			"/cases/{id}/employment/proposals | openingId=1&score=50",
			"/cases/{id}/employment/jobdating | eventId=1",
			"/cases/{id}/close | outcome=EDUCATION&closedOn={today}&version=0&requestId=3f2504e0-4f89-11d3-9a0c-0305e82c3301&confirmed=true",
			"/cases/{id}/hours | fromDate={today}&weeklyHours=5" })
	void theComplaintHandlerCannotChangeTheCase(String path, String params) throws Exception {
		var c = candidates.make("sagsbehandler");
		long m = plannedMeeting(c.id());
		MockHttpServletRequestBuilder request = post(
				path.strip().replace("{id}", String.valueOf(c.id())).replace("{m}", String.valueOf(m)));
		for (String pair : params.strip().split("&")) {
			String[] kv = pair.split("=", 2);
			request.param(kv[0], kv[1].replace("{when}", inTwoWorkingDays()).replace("{today}", LocalDate.now().toString())
				.replace("{held}", LocalDateTime.now().minusHours(1).withSecond(0).withNano(0).toString()));
		}
		mvc.perform(request.with(KLAGE).with(csrf())).andExpect(status().isForbidden());
		assertThat(jdbc.sql("""
				SELECT (SELECT count(*) FROM case_note WHERE candidate_id = :id) + (SELECT count(*) FROM case_story WHERE candidate_id = :id)
				  + (SELECT count(*) FROM meeting WHERE candidate_id = :id) + (SELECT count(*) FROM plan_goal WHERE candidate_id = :id)
				  + (SELECT count(*) FROM offer WHERE candidate_id = :id) + (SELECT count(*) FROM handover WHERE candidate_id = :id)
				  + (SELECT count(*) FROM caseworker_change_request WHERE candidate_id = :id)
				  + (SELECT count(*) FROM candidate WHERE first_name = 'Ny' AND last_name = 'Kandidat')""")
			.param("id", c.id())
			.query(Long.class)
			.single()).as("only the one planned meeting of the test").isEqualTo(1);
		assertThat(jdbc.sql("SELECT status FROM meeting WHERE id = ?").param(m).query(String.class).single())
			.isEqualTo("PLANNED");
		assertThat(jdbc.sql("SELECT caseworker FROM candidate WHERE id = ?").param(c.id()).query(String.class).single())
			.isEqualTo("sagsbehandler");
	}

	@Test
	void theComplaintHandlerReadsTheCaseWithoutItsFormsAndButtons() throws Exception {
		var c = candidates.make("sagsbehandler");
		long m = plannedMeeting(c.id());
		mvc.perform(get("/cases/{id}", c.id()).with(KLAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText(c.firstName())))
			.andExpect(content().string(not(containsString("/cases/" + c.id() + "/notes"))))
			.andExpect(content().string(not(containsString("/cases/" + c.id() + "/story\""))))
			.andExpect(content().string(not(containsString("/cases/" + c.id() + "/meetings/new"))))
			.andExpect(content().string(not(containsString("/cases/" + c.id() + "/meetings/" + m + "/record"))))
			.andExpect(content().string(not(containsString("/cases/" + c.id() + "/reassign"))))
			.andExpect(content().string(not(containsString("/cases/" + c.id() + "/change-request"))))
			.andExpect(content().string(not(containsString("/cases/" + c.id() + "/close"))));
		// the caseworker sees all of them
		mvc.perform(get("/cases/{id}", c.id()).with(METTE))
			.andExpect(content().string(containsString("/cases/" + c.id() + "/notes")))
			.andExpect(content().string(containsString("/cases/" + c.id() + "/story\"")))
			.andExpect(content().string(containsString("/cases/" + c.id() + "/meetings/" + m + "/record")))
			.andExpect(content().string(containsString("/cases/" + c.id() + "/reassign")));
		// the plan with the candidate's choices is there to read, without a form
		jdbc.sql("INSERT INTO plan_goal (candidate_id, text, created_by, created_at) VALUES (?, 'Job som gartner', 'sagsbehandler', now())")
			.param(c.id())
			.update();
		mvc.perform(get("/cases/{id}/plan", c.id()).with(KLAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Job som gartner")))
			.andExpect(content().string(not(containsString("/plan/goals"))))
			.andExpect(content().string(not(containsString("/plan/offers"))));
		mvc.perform(get("/cases/{id}/employment", c.id()).with(KLAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/employment/competences"))))
			.andExpect(content().string(not(containsString("/employment/wishes"))));
		mvc.perform(get("/cases").with(KLAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/cases/new\""))));
	}
}
