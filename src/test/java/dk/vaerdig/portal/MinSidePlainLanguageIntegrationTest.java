package dk.vaerdig.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.WebSession;
import dk.vaerdig.letters.internal.Analysis;
import dk.vaerdig.letters.internal.Finding;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.PlainLanguageAnalyser;
import dk.vaerdig.letters.internal.Rule;
import dk.vaerdig.letters.internal.ShippedDictionary;

/**
 * The product practises what it measures on the candidate's own pages: each Min side page is rendered for a demo
 * candidate (with a story in two versions, an offer chosen with a reason, a meeting, a letter, a complaint at every
 * stage and a member of staff's look at the case, so every part of each page shows), and the page's visible text
 * (header menu, main content, footer; each heading, paragraph, list item, term and cell a sentence of its own, as
 * the reader takes them) goes through the letters module's plain-language analyser with the dictionaries as shipped:
 * LIX at most {@value Analysis#LIX_TARGET}, and no officialese, formal address (De/Dem/Deres) or disempowering
 * phrasing.
 */
@IntegrationTest
class MinSidePlainLanguageIntegrationTest {

	static final Set<Rule> FAILING_RULES = Set.of(Rule.OFFICIALESE, Rule.FORMAL_ADDRESS, Rule.DISEMPOWERING);

	static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	static final String BLOCKS = "h1, h2, h3, p, li, dt, dd, summary, th, td, .nav a, .site-header__tools a, .site-header__tools .user, button";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The visible text of a page, each block a paragraph of its own. */
	static String visibleText(String html) {
		Document page = Jsoup.parse(html);
		page.select("script, style, .visually-hidden, .skip-link").remove();
		List<String> blocks = new ArrayList<>();
		for (Element block : page.select(BLOCKS)) {
			boolean hasInnerBlocks = !block.select(BLOCKS).stream().filter(e -> e != block).toList().isEmpty();
			String text = hasInnerBlocks ? block.ownText() : block.text();
			if (!text.isBlank()) {
				blocks.add(text.strip());
			}
		}
		return String.join("\n\n", blocks);
	}

	@Test
	void everyMinSidePageIsPlainDanishByTheProductsOwnAnalyser() {
		WebSession me = WebSession.anonymous(URI.create("http://localhost:" + port));
		long id = me.loginAsDemoCandidate(2);
		long letter = MinSideTestData.plain(jdbc, id);
		List<String> pages = new ArrayList<>(MinSidePagesIntegrationTest.PAGES);
		pages.add("/min-side/breve/" + letter);
		pages.add("/min-side/findes-ikke");
		// Min side, part 2 (issue 13, part A): the new pages, with something in every part
		long complaint = MinSideTestData.choices(jdbc, id);
		pages.addAll(MinSideChoicesIntegrationTest.PAGES);
		pages.add("/min-side/klager/" + complaint + "/kvittering");
		pages.add("/min-side/kontakt");
		List<String> problems = new ArrayList<>();
		for (String url : pages) {
			HttpResponse<byte[]> answer = me.get(url);
			assertThat(answer.statusCode()).as(url).isIn(200, 404);
			String text = visibleText(WebSession.text(answer));
			Analysis a = ANALYSER.analyse(text, LetterCategory.SYSTEM);
			for (Finding f : a.findings()) {
				if (!f.wholeLetter() && FAILING_RULES.contains(f.rule())) {
					problems.add(url + ": " + f.rule() + " «" + text.substring(f.start(), f.end()) + "»"
							+ (f.suggestion() == null ? "" : " → «" + f.suggestion() + "»"));
				}
			}
			System.out.printf("%s: LIX %d, %d words%n", url, a.stats().lixRounded(), a.stats().words());
			assertThat(a.stats().words()).as(url + " words").isGreaterThanOrEqualTo(30);
			if (a.stats().lix() > Analysis.LIX_TARGET) {
				problems.add(url + ": LIX " + a.stats().lixRounded() + " > " + Analysis.LIX_TARGET + " in:\n" + text);
			}
		}
		assertThat(problems).as("what the product's own analyser finds on Min side").isEmpty();
	}

	/**
	 * Selvbook's page in each of its states (free slots, booked, the slot taken by someone else, exempted: book by
	 * phone) is plain Danish too. Its slots are this test's own, removed at the end.
	 */
	@Test
	void theBookingPageInEveryStateIsPlainDanish() {
		WebSession me = WebSession.anonymous(URI.create("http://localhost:" + port));
		long id = me.loginAsDemoCandidate(2);
		String caseworker = jdbc.sql("SELECT caseworker FROM candidate WHERE id = ?").param(id).query(String.class).single();
		List<Long> slots = new ArrayList<>();
		for (int hour : new int[] { 6, 7 }) {
			slots.add(jdbc.sql("""
					INSERT INTO booking_slot (caseworker, team_id, for_team, starts_at, ends_at, form, place, status,
					  created_by, created_at)
					SELECT ?, team_id, FALSE, date_trunc('day', now()) + interval '9 days' + make_interval(hours => ?),
					  date_trunc('day', now()) + interval '9 days' + make_interval(hours => ?, mins => 45), 'IN_PERSON',
					  'Jobcentret, Torvet 1', 'FREE', 'plain-language-test', now()
					FROM staff_user WHERE username = ? RETURNING id""")
				.params(caseworker, hour, hour, caseworker).query(Long.class).single());
		}
		List<String> problems = new ArrayList<>();
		try {
			HttpResponse<byte[]> free = me.get("/min-side/tider");
			check("free slots", free, problems);
			String csrf = me.csrf(free, "/min-side/tider/book");
			me.post("/min-side/tider/book", java.util.Map.of("slotId", String.valueOf(slots.get(0)), "requestId",
					java.util.UUID.randomUUID().toString(), "_csrf", csrf));
			HttpResponse<byte[]> booked = me.get("/min-side/tider");
			assertThat(WebSession.text(booked)).contains("Dit møde");
			check("booked", booked, problems);
			jdbc.sql("UPDATE booking_slot SET status = 'WITHDRAWN' WHERE id = ?").param(slots.get(1)).update();
			HttpResponse<byte[]> taken = me.post("/min-side/tider/book", java.util.Map.of("slotId",
					String.valueOf(slots.get(1)), "requestId", java.util.UUID.randomUUID().toString(), "_csrf", csrf));
			assertThat(taken.statusCode()).isEqualTo(409);
			check("taken", taken, problems);
			jdbc.sql("""
					INSERT INTO booking_exemption (candidate_id, reason, request_id, created_by, created_at)
					VALUES (?, 'LANGUAGE', gen_random_uuid(), ?, now())""").params(id, caseworker).update();
			check("exempt", me.get("/min-side/tider"), problems);
		}
		finally {
			jdbc.sql("DELETE FROM booking_exemption WHERE candidate_id = ?").param(id).update();
			jdbc.sql("""
					UPDATE meeting SET status = 'CANCELLED' WHERE id IN (SELECT meeting_id FROM booking_slot
					WHERE created_by = 'plain-language-test')""").update();
			jdbc.sql("DELETE FROM booking_slot WHERE created_by = 'plain-language-test'").update();
		}
		assertThat(problems).as("what the product's own analyser finds on the booking page").isEmpty();
	}

	private static void check(String state, HttpResponse<byte[]> answer, List<String> problems) {
		String text = visibleText(WebSession.text(answer));
		Analysis a = ANALYSER.analyse(text, LetterCategory.SYSTEM);
		for (Finding f : a.findings()) {
			if (!f.wholeLetter() && FAILING_RULES.contains(f.rule())) {
				problems.add(state + ": " + f.rule() + " «" + text.substring(f.start(), f.end()) + "»");
			}
		}
		System.out.printf("/min-side/tider (%s): LIX %d, %d words%n", state, a.stats().lixRounded(), a.stats().words());
		if (a.stats().lix() > Analysis.LIX_TARGET) {
			problems.add(state + ": LIX " + a.stats().lixRounded() + " > " + Analysis.LIX_TARGET + " in:\n" + text);
		}
	}
}
