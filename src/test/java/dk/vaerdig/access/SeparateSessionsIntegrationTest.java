package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.WebSession;

/**
 * Staff, candidates and the public pages have separate filter chains, sessions and login entries, over real HTTP: a
 * candidate's session reaches no staff page (every GET address of every staff handler sends it to the staff login),
 * a staff session reaches no candidate page (sent to the candidates' login), both can live in one browser without
 * touching each other, and the public pages read nobody's login.
 */
@IntegrationTest
class SeparateSessionsIntegrationTest {

	/**
	 * The public pages and the pages open to anyone on the staff side (the login and error pages, and the SAML login's
	 * endpoints: metadata, the start of a login, the ACS and the logout response).
	 */
	static final List<String> NOT_STAFF_ONLY = List.of("/s/", "/kiosk/", "/lobby", "/book/", "/accessibility", "/login",
			"/error", "/min-side", "/saml/staff/",
			// LanguageTool's list of languages is open, as LanguageTool's own is (the add-ons ask before logging in)
			"/v2/languages");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	URI base() {
		return URI.create("http://localhost:" + port);
	}

	/** Every GET address of the application's handlers, with 1 for every path variable. */
	Set<String> getAddresses() {
		Set<String> addresses = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			if (!entry.getValue().getBeanType().getPackageName().startsWith("dk.vaerdig")
					|| !(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				addresses.add(pattern.replaceAll("\\{[^}]+}", "1"));
			}
		}
		return addresses;
	}

	@Test
	void aCandidateSessionReachesNoStaffPage() {
		// the demo candidates are shared with other tests (Min side's pages, files): only this test's entries count
		long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
		WebSession candidate = WebSession.anonymous(base());
		long me = candidate.loginAsDemoCandidate(0);
		assertThat(candidate.get("/min-side").statusCode()).isEqualTo(200);
		List<String> staffPages = getAddresses().stream()
			.filter(a -> NOT_STAFF_ONLY.stream().noneMatch(a::startsWith))
			.toList();
		assertThat(staffPages).contains("/", "/cases", "/cases/1", "/admin/audit", "/letters", "/complaints")
			.hasSizeGreaterThan(40);
		List<String> reached = new ArrayList<>();
		for (String page : staffPages) {
			HttpResponse<byte[]> answer = candidate.get(page);
			String location = answer.headers().firstValue("Location").orElse("");
			if (answer.statusCode() != 302 || !location.endsWith("/login")) {
				reached.add(page + " answered " + answer.statusCode() + " " + location);
			}
		}
		assertThat(reached).as("staff pages a candidate's session reached").isEmpty();
		// a staff form posted from the candidate's session: refused (no staff session, so no CSRF token), nothing saved
		long notes = jdbc.sql("SELECT count(*) FROM case_note WHERE candidate_id = ?").param(me).query(Long.class).single();
		HttpResponse<byte[]> post = candidate.post("/cases/" + me + "/notes", Map.of("text", "Skrevet af kandidaten"));
		assertThat(post.statusCode()).isIn(302, 403);
		assertThat(jdbc.sql("SELECT count(*) FROM case_note WHERE candidate_id = ?").param(me).query(Long.class).single())
			.isEqualTo(notes);
		// the candidate's actor never acted on the staff side
		assertThat(jdbc.sql("SELECT DISTINCT action FROM audit_entry WHERE actor = ? AND seq > ?")
			.params("candidate:" + me, before)
			.query(String.class).list()).containsOnly("SIGN_IN", "VIEW_CASE");
	}

	@Test
	void aStaffSessionReachesNoCandidatePage() {
		WebSession staff = WebSession.login(base(), "sagsbehandler", "demo");
		assertThat(staff.get("/cases").statusCode()).isEqualTo(200);
		List<String> candidatePages = getAddresses().stream()
			.filter(a -> a.equals("/min-side") || a.startsWith("/min-side/"))
			.filter(a -> !a.startsWith("/min-side/login") && !a.startsWith("/min-side/test-login")
					&& !a.startsWith("/min-side/saml/") && !a.startsWith("/min-side/oidc/"))
			.toList();
		assertThat(candidatePages).contains("/min-side");
		for (String page : candidatePages) {
			HttpResponse<byte[]> answer = staff.get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/min-side/login");
		}
	}

	@Test
	void aCandidateAndAMemberOfStaffInOneBrowserHaveTwoSessionsWithTheirOwnCookies() {
		WebSession browser = WebSession.login(base(), "sagsbehandler", "demo");
		HttpResponse<byte[]> testLogin = browser.get("/min-side/test-login");
		assertThat(testLogin.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith(
						"VAERDIG_MIN_SIDE=").contains("Path=/min-side").contains("HttpOnly").contains("SameSite=Lax"));
		long me = browser.loginAsDemoCandidate(1);
		String firstName = jdbc.sql("SELECT first_name FROM candidate WHERE id = ?").param(me).query(String.class).single();
		// each side sees its own identity
		var staffPage = Jsoup.parse(WebSession.text(browser.get("/cases")));
		assertThat(staffPage.select(".site-header .user").text()).isEqualTo("sagsbehandler");
		var ownPage = Jsoup.parse(WebSession.text(browser.get("/min-side")));
		assertThat(ownPage.select(".site-header .user").text()).isEqualTo(firstName);
		assertThat(ownPage.select("nav ul.nav")).isEmpty();
		assertThat(ownPage.select("form[action=/min-side/logout]")).hasSize(1);
		// the candidate logs out: the staff session is untouched
		HttpResponse<byte[]> overview = browser.get("/min-side");
		HttpResponse<byte[]> out = browser.post("/min-side/logout", Map.of("_csrf", browser.csrf(overview, "/min-side/logout")));
		assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/min-side/login?logout");
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(302);
		assertThat(browser.get("/cases").statusCode()).isEqualTo(200);
	}

	@Test
	void thePublicPagesReadNobodysLogin() {
		WebSession staff = WebSession.login(base(), "sagsbehandler", "demo");
		for (String page : List.of("/lobby", "/accessibility")) {
			var html = Jsoup.parse(WebSession.text(staff.get(page)));
			assertThat(html.select("nav ul.nav")).as(page).isEmpty();
			assertThat(html.select("form[action=/logout]")).as(page).isEmpty();
		}
		assertThat(staff.get("/cases").statusCode()).isEqualTo(200);
	}
}
