package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;

/** The error summary at the top of a form names each field by its label, in the reader's language. */
@IntegrationTest
class ErrorSummaryIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	/** The error summary's items, as a reader sees them. */
	String summary(MockHttpServletRequestBuilder request) throws Exception {
		String html = mvc.perform(request.with(METTE).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int start = html.indexOf("class=\"error-summary\"");
		assertThat(start).as("an error summary").isPositive();
		return HtmlUtils.htmlUnescape(html.substring(start, html.indexOf("</ul>", start)));
	}

	@Test
	void twoRequiredFieldsAreNamedInsteadOfSayingFillInTheFieldTwice() throws Exception {
		var c = candidates.make("sagsbehandler");
		long meeting = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status)
				VALUES (?, 'sagsbehandler', now() + interval '1 day', 'IN_PERSON', 'PLANNED') RETURNING id""")
			.param(c.id())
			.query(Long.class)
			.single();
		String summary = summary(post("/cases/{id}/meetings/{m}/record", c.id(), meeting)
			.param("heldAt", LocalDateTime.now().withNano(0).toString())
			.param("talkedAbout", "").param("nextStep", "").param("version", "0")
			.param("agreements[1].responsible", "CANDIDATE").param("agreements[1].what", "Send CV")
			.param("agreements[1].dueDate", LocalDate.now().minusDays(3).toString()));
		assertThat(summary).contains(">Det talte I om: Udfyld feltet.</a>")
			.contains(">Næste skridt: Udfyld feltet.</a>")
			.contains(">Senest (valgfrit) (række 2): Datoen må ikke ligge tilbage i tiden.</a>")
			.contains("href=\"#talkedAbout\"")
			.contains("href=\"#agreements1.dueDate\"");

		String english = summary(post("/cases/{id}/meetings/{m}/record", c.id(), meeting).param("lang", "en")
			.param("heldAt", LocalDateTime.now().withNano(0).toString())
			.param("talkedAbout", "").param("nextStep", "Søg job").param("version", "0"));
		assertThat(english).contains(">What you talked about: Fill in this field.</a>");
	}

	@Test
	void theRegistrationNamesFirstAndLastName() throws Exception {
		String summary = summary(post("/cases/new").param("cpr", "").param("firstName", "").param("lastName", "")
			.param("targetGroupCode", "LAB02").param("courseStarted", LocalDate.now().toString())
			.param("caseworker", "sagsbehandler"));
		assertThat(summary).contains(">Fornavn: Udfyld feltet.</a>").contains(">Efternavn: Udfyld feltet.</a>");
	}
}
