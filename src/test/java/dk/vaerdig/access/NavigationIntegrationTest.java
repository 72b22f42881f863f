package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dk.vaerdig.IntegrationTest;

/** The navigation shows each role the sections it may use, and the signed-in user's name, on every page. */
@IntegrationTest
class NavigationIntegrationTest {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0} ({1})")
	@CsvSource(delimiter = ';', textBlock = """
			sagsbehandler; CASEWORKER;        /cases /calendar /handovers /change-requests /timeliness /employment /surveys/follow-ups /insights/surveys /letters /letters/print
			teamleder;     TEAM_LEAD;         /cases /calendar /handovers /change-requests /timeliness /employment /complaints /surveys/follow-ups /insights/surveys /insights/outcomes /reform /insights/goals /insights/committee-report /insights/dialogue /insights/rar /letters /letters/print
			leder;         MANAGER;           /cases /handovers /change-requests /timeliness /employment /complaints /surveys/follow-ups /insights/surveys /insights/outcomes /reform /insights/goals /insights/committee-report /insights/dialogue /insights/rar
			klage;         COMPLAINT_HANDLER; /cases /complaints /insights/surveys
			virksomhed;    COMPANY_CONSULTANT;/cases /handovers /change-requests /employment
			kommunikation; COMMUNICATION;     /insights/surveys /admin/surveys /letters
			politiker;     POLITICIAN;        /insights/surveys /insights/outcomes /reform /insights/goals /insights/committee-report /insights/dialogue /insights/rar
			admin;         ADMIN;             /insights/surveys /admin/surveys /letters /admin/audit /admin/retention
			""")
	void eachRoleSeesItsOwnSections(String username, String role, String links) throws Exception {
		String html = mvc.perform(get("/").with(user(username).roles(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		Set<String> shown = page.select("nav ul.nav a").stream().map(a -> a.attr("href")).collect(Collectors.toSet());
		assertThat(shown).containsExactlyInAnyOrderElementsOf(List.of(links.trim().split("\\s+")));
		assertThat(page.select(".site-header .user").text()).isEqualTo(username);
		assertThat(page.select("form[action=/logout]")).hasSize(1);
	}

	@org.junit.jupiter.api.Test
	void theLoginPageShowsNoNavigation() throws Exception {
		String html = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select("nav ul.nav")).isEmpty();
		assertThat(page.select("form[action=/logout]")).isEmpty();
	}
}
