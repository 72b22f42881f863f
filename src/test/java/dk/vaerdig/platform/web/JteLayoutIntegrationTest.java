package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;

/**
 * The staff layout is written twice, {@code templates/layout.html} for the Thymeleaf pages and
 * {@code jte/platform/web/layout.jte} for the jte pages ({@link JteViews}): a jte page (the case page) and a Thymeleaf
 * page (the same candidate's plan) must have the same head, header and footer for the same user in the same language,
 * apart from what differs by page (the title, the language link's address, the CSRF token's mask).
 */
@IntegrationTest
class JteLayoutIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestCandidates candidates;

	@ParameterizedTest
	@CsvSource({ "sagsbehandler, CASEWORKER, da", "sagsbehandler, CASEWORKER, en", "leder, MANAGER, da",
			"leder, MANAGER, en", "teamleder, TEAM_LEAD, da" })
	void aJtePageHasTheLayoutOfTheThymeleafPages(String username, String role, String language) throws Exception {
		RequestPostProcessor staff = user(username).roles(role);
		long id = candidates.make("sagsbehandler").id();
		var plan = mvc.perform(get("/cases/{id}/plan", id).param("lang", language).with(staff)).andReturn();
		assertThat(plan.getModelAndView().getViewName()).as("a Thymeleaf page").doesNotStartWith(JteViews.PREFIX);
		Document thymeleaf = page(plan.getResponse().getContentAsString());
		Document jte = page(mvc.perform(get("/cases/{id}", id).param("lang", language).with(staff)).andReturn()
			.getResponse().getContentAsString());

		assertThat(jte.selectFirst("main > section h1")).as("the jte page itself is there").isNotNull();
		assertThat(thymeleaf.selectFirst("main h1")).as("the Thymeleaf page itself is there").isNotNull();
		assertThat(jte.selectFirst("html").attr("lang")).isEqualTo(language);
		for (String part : new String[] { "head", "body > a.skip-link", "header", "footer" }) {
			assertThat(html(jte, part)).as(part).isEqualTo(html(thymeleaf, part));
		}
		assertThat(jte.select("header nav a")).as("the menu").isNotEmpty();
	}

	/** A browser's Accept header names XML too: the content negotiation must still find the jte page. */
	@Test
	void aBrowsersAcceptHeaderGetsTheJtePage() throws Exception {
		long id = candidates.make("sagsbehandler").id();
		String chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
		for (String url : new String[] { "/cases/" + id, "/cases" }) {
			var response = mvc.perform(get(url).header("Accept", chrome).with(user("sagsbehandler").roles("CASEWORKER")))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(url).isEqualTo(200);
			assertThat(response.getContentType()).as(url).startsWith("text/html");
			assertThat(page(response.getContentAsString()).selectFirst("main h1")).as(url).isNotNull();
		}
	}

	static Document page(String html) {
		Document page = Jsoup.parse(html);
		page.select("title").remove();
		page.select("input[name=_csrf]").attr("value", "token");
		page.select("a[hreflang]").attr("href", "language link");
		page.outputSettings().prettyPrint(true);
		return page;
	}

	static String html(Document page, String selector) {
		Element part = page.selectFirst(selector);
		assertThat(part).as(selector).isNotNull();
		// the markup without comments (Thymeleaf keeps the template's, jte drops them) and with whitespace made one
		part.select("*").forEach(e -> e.childNodes().stream().filter(n -> n.nodeName().equals("#comment")).toList()
			.forEach(org.jsoup.nodes.Node::remove));
		return part.outerHtml().replaceAll("\\s+", " ").replace("> <", "><");
	}
}
