package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.employment.internal.Popups;

/**
 * The pages candidates open without logging in name the municipality, say how to reach the job centre where they
 * tell you to call, and never lead into the staff login.
 */
@IntegrationTest
class PublicPagesIntegrationTest {

	/** The demo municipality's settings (vaerdig.platform.municipality.* defaults). */
	static final String MUNICIPALITY = "Demo Kommune";

	static final String PHONE = "12 34 56 78";

	static final String HOURS_DA = "mandag–onsdag kl. 9.00–15.00, torsdag kl. 9.00–17.00 og fredag kl. 9.00–12.00";

	static final AtomicLong MEETING = new AtomicLong(990_000_000L + System.nanoTime() % 1_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Popups popups;

	Document page(RequestBuilder request) throws Exception {
		String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return Jsoup.parse(html);
	}

	/** The municipality is named; no link, form or button leads to the staff login or the staff front page. */
	static void assertPublic(Document page) {
		assertThat(page.text()).as(page.title()).contains(MUNICIPALITY);
		assertThat(page.title()).contains(MUNICIPALITY);
		assertThat(page.select("a[href], link[href]").eachAttr("href")).as(page.title())
			.noneMatch(href -> href.equals("/") || href.startsWith("/login") || href.startsWith("/logout")
					|| href.startsWith("/?"));
		assertThat(page.select("form[action]").eachAttr("action")).noneMatch(a -> a.startsWith("/login") || a.startsWith("/logout"));
		assertThat(page.select("nav ul.nav")).isEmpty();
	}

	String freshInvitation() {
		String token = "t" + Long.toHexString(System.nanoTime()) + MEETING.get();
		jdbc.sql("""
				INSERT INTO survey_invitation (token_sha256, meeting_id, candidate_id, team_id, target_group_code, meeting_on,
				  created_at, expires_at)
				SELECT encode(sha256(convert_to(?, 'UTF8')), 'hex'), ?, 1, id, 'LAB02', current_date, now(), now() + interval '7 days' FROM team ORDER BY id LIMIT 1""")
			.params(token, MEETING.incrementAndGet())
			.update();
		return token;
	}

	@Test
	void theCandidatesPagesNameTheMunicipalityAndNeverLinkToTheStaffLogin() throws Exception {
		String kiosk = jdbc.sql("SELECT key FROM survey_kiosk ORDER BY id LIMIT 1").query(String.class).single();
		String token = freshInvitation();
		assertPublic(page(get("/book/cv-hjaelp-demo")));
		assertPublic(page(post("/book/cv-hjaelp-demo").with(csrf()).param("name", "Amira").param("phone", "+45 22446601")));
		assertPublic(page(get("/s/{token}", token)));
		assertPublic(page(post("/s/{token}", token).param("q1", "5")));
		assertPublic(page(get("/s/{token}", token))); // already answered
		assertPublic(page(get("/s/{token}", "no-such-token")));
		assertPublic(page(get("/kiosk/{key}", kiosk)));
		assertPublic(page(get("/lobby")));
		assertPublic(page(get("/accessibility")));
		assertPublic(page(get("/lobby?lang=en")));
		assertPublic(page(get("/accessibility?lang=en")));
	}

	@Test
	void whereAPageSaysCallTheJobCentreItGivesTheNumberAndTheOpeningHours() throws Exception {
		Document closed = page(get("/s/{token}", "no-such-token"));
		assertThat(closed.text()).contains("ring til jobcentret på " + PHONE + ". Vi har åbent " + HOURS_DA + ".");
		assertThat(page(get("/s/{token}", "no-such-token").param("lang", "en")).text()).contains("call the job centre on "
				+ PHONE + ". We are open Monday–Wednesday 9:00–15:00, Thursday 9:00–17:00 and Friday 9:00–12:00.");
		// a full pop-up session: the message says whom to call and when
		long id = popups.create("Jobdating", Instant.now().plus(1, ChronoUnit.DAYS), "Jobcentret", 1, "virksomhed");
		String key = jdbc.sql("SELECT link_key FROM popup_session WHERE id = ?").param(id).query(String.class).single();
		page(post("/book/{key}", key).with(csrf()).param("name", "Ali").param("phone", "+45 20304099"));
		Document full = page(post("/book/{key}", key).with(csrf()).param("name", "Bo").param("phone", "+45 11112299"));
		assertThat(full.select(".error-summary").text()).contains("Ring til jobcentret på " + PHONE,
				"Vi har åbent " + HOURS_DA + ".");
		// every public page's footer: the number as a link a phone can call
		assertThat(full.select(".site-footer a[href=tel:+4512345678]").text()).isEqualTo(PHONE);
	}

	@Test
	void theAccessibilityStatementFollowsDigitaliseringsstyrelsensModel() throws Exception {
		Document da = page(get("/accessibility"));
		assertThat(da.select("h2").eachText()).containsExactly("Overholdelsesstatus", "Indhold, der ikke er tilgængeligt",
				"Sådan har vi lavet erklæringen", "Feedback og kontaktoplysninger", "Håndhævelsesprocedure");
		assertThat(da.text()).contains("Demo Kommune skal gøre sine hjemmesider tilgængelige",
				"Værdig overholder delvist standarden WCAG 2.1 på niveau A og AA",
				"Erklæringen er lavet og sidst opdateret den 1. december 2026.", "Vurderingen er en selvevaluering");
		// the known issues are named, each with the criterion it fails
		assertThat(da.select("h3:contains(Hvor vi ikke overholder loven) + ul li").eachText())
			.hasSize(2).allSatisfy(issue -> assertThat(issue).containsPattern("WCAG \\d\\.\\d\\.\\d"));
		assertThat(da.select("a[href=mailto:tilgaengelighed@demokommune.example]")).hasSize(1);
		assertThat(da.select("section a[href=tel:+4512345678]")).hasSize(1);
		assertThat(da.select("a[href=https://www.was.digst.dk/app]").text()).startsWith("Klag til Digitaliseringsstyrelsen");
		Document en = page(get("/accessibility").param("lang", "en"));
		assertThat(en.select("h2").eachText()).containsExactly("Compliance status", "Content that is not accessible",
				"How this statement was made", "Feedback and contact", "Enforcement procedure");
		assertThat(en.text()).contains("Demo Kommune must make its websites accessible under the Danish act on the "
				+ "accessibility of public sector bodies' websites", "partially compliant", "on 1 December 2026.");
		assertThat(en.select("a[href=https://www.was.digst.dk/app]")).hasSize(1);
	}

	/** The error page of a candidate's page speaks to the candidate: no "support" or "administrator", no staff login. */
	@Test
	void theErrorPageOfACandidatesPageTellsThemWhatTheyCanDo() throws Exception {
		Document publicPage = Jsoup.parse(mvc.perform(get("/error")
				.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/s/abc"))
			.andReturn().getResponse().getContentAsString());
		assertThat(publicPage.select("main p").text()).contains("ring til os").doesNotContain("support");
		assertThat(publicPage.select("main a[href=/]")).isEmpty();
		Document minSide = Jsoup.parse(mvc.perform(get("/error")
				.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 403)
				.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/min-side/noget"))
			.andReturn().getResponse().getContentAsString());
		assertThat(minSide.select("main p").text()).contains("Ring til os").doesNotContain("administrator");
		assertThat(minSide.select("main a[href=/min-side]")).hasSize(1);
		Document staffPage = Jsoup.parse(mvc.perform(get("/error")
				.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/cases/1"))
			.andReturn().getResponse().getContentAsString());
		assertThat(staffPage.select("main p").text()).contains("Kontakt support");
		assertThat(staffPage.select("main a[href=/]")).hasSize(1);
	}
}
