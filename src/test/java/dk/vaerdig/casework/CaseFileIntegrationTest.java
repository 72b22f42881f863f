package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static dk.vaerdig.Html.containsText;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;

/** The case file through its pages: search, access, audit, validation, escaping, story versions and conflicts. */
@IntegrationTest
class CaseFileIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	long auditCount(long candidateId, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + dk.vaerdig.access.AuditLog.ABOUT_CANDIDATE + " AND action = ?")
			.params(candidateId, candidateId, action)
			.query(Long.class)
			.single();
	}

	@Test
	void searchingByCprFindsThatCandidateAndNeverLogsTheNumber() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases").param("q", c.cpr()).with(METTE).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText(c.firstName())))
			.andExpect(content().string(containsString(c.cpr().substring(0, 6) + "-xxxx")));
		String detail = jdbc.sql("SELECT detail FROM audit_entry WHERE " + dk.vaerdig.access.AuditLog.ABOUT_CANDIDATE
				+ " AND action = 'SEARCH'")
			.params(c.id(), c.id())
			.query(String.class)
			.single();
		assertThat(detail).isEqualTo("cpr search").doesNotContain(c.cpr().substring(7));
	}

	@Test
	void aCprNumberInTheAddressIsNotSearchedFor() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(get("/cases").param("q", c.cpr()).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Søg på CPR-nummer i søgefeltet")))
			.andExpect(content().string(not(containsString(c.cpr()))));
	}

	@Test
	void theSearchFiltersByDueDateAndTeam() throws Exception {
		var overdue = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET next_meeting_due = current_date - 3 WHERE id = ?").param(overdue.id()).update();
		var notDue = candidates.make("sagsbehandler");
		mvc.perform(post("/cases").param("q", "Testa").param("due", "OVERDUE").param("caseworker", "sagsbehandler")
			.with(METTE).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText(overdue.firstName())))
			.andExpect(content().string(not(containsString(notDue.firstName()))));
	}

	@Test
	void htmxGetsOnlyTheResultsFragment() throws Exception {
		mvc.perform(get("/cases").param("q", "a").header("HX-Request", "true").with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"results\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void aCaseworkerCannotOpenTheCaseOfAnotherTeam() throws Exception {
		var other = candidates.make("teamleder.syg", "LAB05");
		// answered as a missing case (404), so ids cannot be probed (LeastPrivilegeIntegrationTest compares the two)
		mvc.perform(get("/cases/{id}", other.id()).with(METTE)).andExpect(status().isNotFound());
		assertThat(auditCount(other.id(), "VIEW_CASE")).isZero();
		// a manager sees all teams
		mvc.perform(get("/cases/{id}", other.id()).with(user("leder").roles("MANAGER"))).andExpect(status().isOk());
		// a politician sees no cases at all
		mvc.perform(get("/cases").with(user("politiker").roles("POLITICIAN"))).andExpect(status().isForbidden());
	}

	@Test
	void openingACaseAndRevealingTheCprAreLogged() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(get("/cases/{id}", c.id()).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText(c.cpr().substring(0, 6) + "-xxxx")))
			.andExpect(content().string(not(containsString(c.cpr()))));
		assertThat(auditCount(c.id(), "VIEW_CASE")).isEqualTo(1);
		assertThat(auditCount(c.id(), "REVEAL_CPR")).isZero();
		mvc.perform(post("/cases/{id}/cpr", c.id()).with(METTE).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText(c.cpr())));
		assertThat(auditCount(c.id(), "REVEAL_CPR")).isEqualTo(1);
	}

	@Test
	void aMalformedCprGetsADanishMessageNextToTheFieldAndNothingTypedIsLost() throws Exception {
		mvc.perform(post("/cases/new").with(METTE).with(csrf())
			.param("cpr", "320190-1234")
			.param("firstName", "Karin")
			.param("lastName", "")
			.param("email", "ikke-en-mail")
			.param("targetGroupCode", "LAB01")
			.param("courseStarted", "2026-11-20")
			.param("caseworker", "sagsbehandler"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "cpr", "lastName", "email"))
			.andExpect(content().string(containsText("Skriv CPR-nummeret som 10 cifre")))
			.andExpect(content().string(containsString("value=\"320190-1234\"")))
			.andExpect(content().string(containsString("value=\"Karin\"")))
			.andExpect(content().string(containsString("value=\"2026-11-20\"")));
	}

	@Test
	void registeringTheSameCprTwiceIsRefusedWithALinkToTheExistingCase() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/new").with(METTE).with(csrf())
			.param("cpr", c.cpr().replace("-", ""))
			.param("firstName", "Dobbelt")
			.param("lastName", "Gænger")
			.param("targetGroupCode", "LAB01")
			.param("courseStarted", "2026-11-20")
			.param("caseworker", "sagsbehandler"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "cpr", "casework.candidate.exists"))
			.andExpect(content().string(containsText("/cases/" + c.id())));
	}

	@Test
	void registeringACandidateSetsTheFirstDueDateFromTheContactRule() throws Exception {
		String location = mvc.perform(post("/cases/new").with(METTE).with(csrf())
			.param("cpr", "150341-1234")
			.param("firstName", "Ny")
			.param("lastName", "Kandidat")
			.param("targetGroupCode", "LAB02")
			.param("courseStarted", "2026-11-20")
			.param("caseworker", "sagsbehandler"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.replace("/cases/", ""));
		// LAB02: first meeting within 10 working days of 20 Nov 2026 (a Friday) = 4 December 2026
		assertThat(jdbc.sql("SELECT next_meeting_due FROM candidate WHERE id = ?").param(id).query(java.time.LocalDate.class).single())
			.isEqualTo(java.time.LocalDate.of(2026, 12, 4));
	}

	@Test
	void scriptTypedIntoATextFieldIsShownAsTextNeverRun() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/notes", c.id()).with(METTE).with(csrf()).param("text", "<script>alert('x')</script>"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/cases/{id}", c.id()).with(METTE))
			.andExpect(content().string(containsString("&lt;script&gt;alert(")))
			.andExpect(content().string(containsString("x')&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
	}

	@Test
	void everySaveOfTheStoryIsANewVersionAndOldVersionsCanBeRead() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/story", c.id()).with(METTE).with(csrf())
			.param("text", "Første udgave").param("baseVersion", "0").param("ownWords", "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/cases/{id}/story", c.id()).with(METTE).with(csrf())
			.param("text", "Anden udgave").param("baseVersion", "1"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/cases/{id}/story/versions/1", c.id()).with(METTE))
			.andExpect(content().string(containsText("Første udgave")));
		mvc.perform(get("/cases/{id}", c.id()).with(METTE)).andExpect(content().string(containsText("Anden udgave")));
	}

	@Test
	void theSecondOfTwoEditorsGetsAConflictAndKeepsTheirText() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/story", c.id()).with(METTE).with(csrf())
			.param("text", "Mettes tekst").param("baseVersion", "0"))
			.andExpect(status().is3xxRedirection());
		// Jonas started from version 0 too, before Mette saved
		mvc.perform(post("/cases/{id}/story", c.id()).with(user("sagsbehandler2").roles("CASEWORKER")).with(csrf())
			.param("text", "Jonas' tekst").param("baseVersion", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("En anden har ændret sagen")))
			.andExpect(content().string(containsText("Jonas' tekst")))
			.andExpect(content().string(containsText("Mettes tekst")))
			.andExpect(content().string(containsString("name=\"baseVersion\" value=\"1\"")));
		assertThat(jdbc.sql("SELECT text FROM case_story WHERE candidate_id = ? ORDER BY version DESC LIMIT 1")
			.param(c.id()).query(String.class).single()).isEqualTo("Mettes tekst");
	}

	@Test
	void theCandidateChoosesBetweenOffersWithAReason() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/plan/offers", c.id()).with(METTE).with(csrf())
			.param("kind", "INTERNSHIP").param("title", "Praktik i Netto")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/cases/{id}/plan/offers", c.id()).with(METTE).with(csrf())
			.param("kind", "EDUCATION").param("title", "Truckcertifikat")).andExpect(status().is3xxRedirection());
		long truck = jdbc.sql("SELECT id FROM offer WHERE candidate_id = ? AND title = 'Truckcertifikat'")
			.param(c.id()).query(Long.class).single();
		// a choice without a reason is refused, and nothing changes
		mvc.perform(post("/cases/{id}/plan/choice", c.id()).with(METTE).with(csrf())
			.param("choice", String.valueOf(truck)).param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("choiceForm", "reason"));
		mvc.perform(post("/cases/{id}/plan/choice", c.id()).with(METTE).with(csrf())
			.param("choice", String.valueOf(truck)).param("reason", "Jeg vil gerne arbejde på lager"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "casework.plan.saved"));
		assertThat(jdbc.sql("SELECT title || ':' || status FROM offer WHERE candidate_id = ? ORDER BY id")
			.param(c.id()).query(String.class).list())
			.containsExactly("Praktik i Netto:NOT_CHOSEN", "Truckcertifikat:CHOSEN");
	}
}
