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
		long letter = plainData(id);
		List<String> pages = new ArrayList<>(MinSidePagesIntegrationTest.PAGES);
		pages.add("/min-side/breve/" + letter);
		pages.add("/min-side/findes-ikke");
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

	/** Plain content of the kind a caseworker writes, so that every part of every page shows. */
	long plainData(long id) {
		int version = jdbc.sql("SELECT coalesce(max(version), 0) FROM case_story WHERE candidate_id = ?").param(id)
			.query(Integer.class).single();
		for (String text : List.of("Jeg har arbejdet på et lager i ti år. Nu har jeg ondt i ryggen.",
				"Jeg har arbejdet på et lager i ti år. Nu vil jeg gerne arbejde i en butik.")) {
			jdbc.sql("""
					INSERT INTO case_story (candidate_id, version, text, own_words, written_by, written_at)
					VALUES (?, ?, ?, TRUE, 'sagsbehandler', now())""").params(id, ++version, text).update();
		}
		jdbc.sql("""
				INSERT INTO offer (candidate_id, kind, title, description, status, proposed_by, proposed_at, decided_at, reason)
				VALUES (?, 'INTERNSHIP', 'Praktik i en butik', 'Fire uger i en butik i byen.', 'CHOSEN', 'sagsbehandler',
				  now(), now(), 'Jeg vil prøve at stå i en butik.')""").param(id).update();
		jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at, talked_about,
				  candidate_wishes, next_step)
				VALUES (?, 'sagsbehandler', now() - interval '2 days', 'IN_PERSON', 'HELD', now() - interval '2 days',
				  'Vi talte om dit CV og om job i en butik.', 'Jeg vil gerne arbejde tæt på, hvor jeg bor.',
				  'Du sender dit CV til mig.')""").param(id).update();
		long letter = jdbc.sql("""
				INSERT INTO letter_sent (request_id, candidate_id, version_id, subject, body, channel, sent_by)
				SELECT gen_random_uuid(), ?, min(id), 'Tid til et møde', 'Hej. Vi vil gerne tale med dig om dit job. Kom på
				jobcentret tirsdag kl. 10. Ring til os, hvis du ikke kan.', 'DIGITAL_POST', 'sagsbehandler'
				FROM letter_template_version RETURNING id""").param(id).query(Long.class).single();
		for (String[] stage : new String[][] { { "RECEIVED", null, null }, { "REASSESSED", "UPHELD_PARTLY", null },
				{ "FORWARDED", "NOT_UPHELD", null }, { "CLOSED", "NOT_UPHELD", "CHANGED" } }) {
			jdbc.sql("""
					INSERT INTO complaint (candidate_id, team_id, channel, received_on, decision_ref, decision_received_on,
					  complaint_deadline, late, what_candidate_says, category_id, reassess_by, forward_by, status, outcome,
					  reassessed_on, forwarded_on, appeals_result, appeals_result_on, registered_by, registered_at)
					SELECT c.id, c.team_id, 'PORTAL', current_date - 10, 'om praktik', current_date - 20, current_date + 8,
					  FALSE, 'Jeg er ikke enig.', (SELECT min(id) FROM complaint_category), current_date + 18,
					  current_date + 18, ?::text, ?::text, CASE WHEN ?::text IS NULL THEN NULL ELSE current_date - 5 END,
					  CASE WHEN ?::text IN ('FORWARDED', 'CLOSED') THEN current_date - 2 END, ?::text,
					  CASE WHEN ?::text IS NULL THEN NULL ELSE current_date END, 'klagebehandler', now()
					FROM candidate c WHERE c.id = ?""")
				.params(stage[0], stage[1], stage[1], stage[0], stage[2], stage[2], id).update();
		}
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail)
				VALUES (now(), 'sagsbehandler', ?, 'VIEW_CASE', NULL)""").param(id).update();
		return letter;
	}
}
