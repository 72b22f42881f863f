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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.casework.internal.CandidateSearch;

/**
 * The candidate list: words in any order with Danish letters folded, the number of hits, target groups by name, and
 * filters in a bookmarkable address that never holds the search text.
 */
@IntegrationTest
class CandidateListIntegrationTest {

	static final RequestPostProcessor LEDER = user("leder").roles("MANAGER");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aNameSearchFoldsDanishLettersTakesWordsInAnyOrderAndCountsTheHits() throws Exception {
		var c = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET first_name = 'Bøje', last_name = 'Ærtebjerg-Sønderstrøm' WHERE id = ?")
			.param(c.id())
			.update();
		for (String q : new String[] { "soenderstroem boeje", "sonderstrom boje", "ÆRTEBJERG bøje", "aertebjerg" }) {
			mvc.perform(post("/cases").param("q", q).with(LEDER).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsText("Ærtebjerg-Sønderstrøm, Bøje")))
				.andExpect(content().string(containsText("1 kandidat fundet")));
		}
		mvc.perform(post("/cases").param("q", "bøje zzzz").with(LEDER).with(csrf()))
			.andExpect(content().string(containsText("Ingen kandidater fundet")));
	}

	@Test
	void aNameWithMoreHitsThanTheSearchCountsSaysMoreThanAndAsksForMoreOfTheName() {
		transactions.executeWithoutResult(status -> {
			candidates.addTellersens(CandidateSearch.NAME_HITS_COUNTED + 1);
			try {
				mvc.perform(post("/cases").param("q", "tællersen").with(LEDER).with(csrf()))
					.andExpect(status().isOk())
					.andExpect(content().string(containsText("Mere end 1.000 kandidater fundet. Skriv mere af navnet for at finde færre.")));
				mvc.perform(post("/cases").param("q", "sen").param("lang", "en").with(LEDER).with(csrf()))
					.andExpect(content().string(containsText("More than 1,000 candidates found. Type more of the name to find fewer.")));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			status.setRollbackOnly();
		});
	}

	@Test
	void targetGroupsAreShownByNameNotByCode() throws Exception {
		var c = candidates.make("sagsbehandler", "LAB01");
		String name = jdbc.sql("SELECT name_da FROM target_group WHERE code = 'LAB01'").query(String.class).single();
		mvc.perform(post("/cases").param("q", c.firstName()).with(LEDER).with(csrf()))
			.andExpect(content().string(containsText("<td>" + name + "</td>")))
			.andExpect(content().string(not(containsString("<td>LAB01</td>"))));
		mvc.perform(get("/timeliness").with(LEDER))
			.andExpect(content().string(containsText("<td>" + name + "</td>")))
			.andExpect(content().string(not(containsString("<td>LAB01</td>"))));
	}

	@Test
	void theFiltersAreInABookmarkableAddress() throws Exception {
		var overdue = candidates.make("sagsbehandler", "LAB01");
		jdbc.sql("UPDATE candidate SET next_meeting_due = current_date - 400 WHERE id = ?").param(overdue.id()).update();
		var notDue = candidates.make("sagsbehandler", "LAB01");
		// the form without a text leads to the address of its filters
		mvc.perform(post("/cases").param("q", "").param("targetGroup", "LAB01").param("caseworker", "sagsbehandler")
			.param("due", "OVERDUE").with(LEDER).with(csrf()))
			.andExpect(redirectedUrl("/cases?targetGroup=LAB01&caseworker=sagsbehandler&due=OVERDUE"));
		// which shows the list filtered, with the filters chosen
		mvc.perform(get("/cases?targetGroup=LAB01&caseworker=sagsbehandler&due=OVERDUE").with(LEDER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"LAB01\" selected>")))
			.andExpect(content().string(containsString("<option value=\"OVERDUE\" selected>")))
			.andExpect(content().string(containsText(overdue.firstName())))
			.andExpect(content().string(not(containsString(notDue.firstName() + "<"))));
		// with htmx the address bar follows the filters
		mvc.perform(post("/cases").header("HX-Request", "true").param("q", "").param("due", "DUE_SOON").param("page", "1")
			.with(LEDER).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Replace-Url", "/cases?due=DUE_SOON&page=1"));
	}

	@Test
	void theSearchTextNeverGoesIntoAnAddress() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases").header("HX-Request", "true").param("q", c.cpr()).param("targetGroup", "LAB02")
			.with(LEDER).with(csrf()))
			.andExpect(header().string("HX-Replace-Url", "/cases?targetGroup=LAB02"))
			.andExpect(content().string(containsText(c.firstName())));
		mvc.perform(post("/cases").header("HX-Request", "true").param("q", c.cpr().substring(0, 6))
			.with(LEDER).with(csrf()))
			.andExpect(header().string("HX-Replace-Url", "/cases"));
		// a name search with more than a page: the pages post the text, no link carries it
		for (int i = 0; i < 26; i++) {
			candidates.make("sagsbehandler");
		}
		String html = org.springframework.web.util.HtmlUtils.htmlUnescape(mvc.perform(post("/cases").param("q", "prøvesen")
			.with(LEDER).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(html).contains("name=\"q\" value=\"prøvesen\"").contains("name=\"page\" value=\"1\"")
			.doesNotContain("q=");
		Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
		while (hrefs.find()) {
			assertThat(hrefs.group(1)).doesNotContainIgnoringCase("pr%c3%b8vesen").doesNotContain("prøvesen");
		}
		// and a text in an address is not searched for
		mvc.perform(get("/cases").param("q", c.firstName()).with(LEDER))
			.andExpect(content().string(containsText("kommer søgeteksten aldrig med i webadressen")))
			.andExpect(content().string(not(containsString(c.firstName() + "<"))));
	}
}
