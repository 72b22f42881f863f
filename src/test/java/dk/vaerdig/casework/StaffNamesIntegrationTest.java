package dk.vaerdig.casework;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;

/** Staff see people by name and role, not by user name; the handover says each of the candidate's wishes once. */
@IntegrationTest
class StaffNamesIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor JONAS = user("sagsbehandler2").roles("CASEWORKER");

	static final RequestPostProcessor BIRGITTE = user("teamleder").roles("TEAM_LEAD");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	String page(String url, RequestPostProcessor who, Object... vars) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(get(url, vars).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	void heldMeetingWithWish(long candidateId, String wish) {
		jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at, talked_about, candidate_wishes, next_step)
				VALUES (?, 'sagsbehandler', now() - interval '20 days', 'IN_PERSON', 'HELD', now() - interval '20 days', 'Job', ?, 'Søg job')""")
			.params(candidateId, wish)
			.update();
	}

	@Test
	void theHandoverNamesTheCaseworkersAndWhoChangedThemAndSaysEachWishOnce() throws Exception {
		var c = candidates.make("sagsbehandler");
		heldMeetingWithWish(c.id(), "Job tæt på hjemmet i Ringsted");
		heldMeetingWithWish(c.id(), "Job tæt på hjemmet i Ringsted");
		heldMeetingWithWish(c.id(), "Arbejde om formiddagen");
		mvc.perform(post("/cases/{id}/reassign", c.id()).with(BIRGITTE).with(csrf())
			.param("caseworker", "sagsbehandler2").param("reason", "Mette går på barsel").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		long handover = jdbc.sql("SELECT id FROM handover WHERE candidate_id = ?").param(c.id()).query(Long.class).single();

		String html = page("/cases/{id}/handovers/{h}", JONAS, c.id(), handover);
		assertThat(html).contains("Fra Mette Kjær (sagsbehandler) til Jonas Holm (sagsbehandler)")
			.contains("Skiftet af Birgitte Lund (teamleder).")
			.doesNotContain("Fra sagsbehandler til sagsbehandler2");
		assertThat(html.split("Job tæt på hjemmet i Ringsted", -1)).as("the wish once").hasSize(2);
		assertThat(html).contains("Arbejde om formiddagen");

		// the case's timeline says who by name, not user name
		assertThat(page("/cases/{id}", JONAS, c.id())).contains("Mette Kjær → Jonas Holm: Mette går på barsel")
			.contains("af Birgitte Lund (teamleder)")
			.doesNotContain("sagsbehandler → sagsbehandler2");
	}

	@Test
	void theStoryAndNotesSayWhoWroteThemByName() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/story", c.id()).with(METTE).with(csrf())
			.param("text", "Jeg har kørt bus i 12 år.").param("baseVersion", "0"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/cases/{id}/notes", c.id()).with(METTE).with(csrf()).param("text", "Ringede om attesten"))
			.andExpect(status().is3xxRedirection());
		String casePage = page("/cases/{id}", METTE, c.id());
		assertThat(casePage).contains("skrevet af Mette Kjær (sagsbehandler)")
			.doesNotContain("skrevet af sagsbehandler ")
			.contains("af Mette Kjær (sagsbehandler)");
		mvc.perform(get("/cases/{id}/story/versions", c.id()).with(METTE))
			.andExpect(content().string(containsText("Version 1, skrevet af Mette Kjær (sagsbehandler)")))
			.andExpect(content().string(not(containsText("skrevet af sagsbehandler "))));
	}
}
