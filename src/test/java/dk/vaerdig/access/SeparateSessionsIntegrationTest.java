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

	/** The public pages and the pages open to anyone on the staff side (the login and error pages). */
	static final List<String> NOT_STAFF_ONLY = List.of("/s/", "/kiosk/", "/lobby", "/book/", "/accessibility", "/login",
			"/error", "/min-side");

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
	void aStaffSessionReachesNoCandidatePage() {
		WebSession staff = WebSession.login(base(), "sagsbehandler", "demo");
		assertThat(staff.get("/cases").statusCode()).isEqualTo(200);
		List<String> candidatePages = getAddresses().stream()
			.filter(a -> a.equals("/min-side") || a.startsWith("/min-side/"))
			.filter(a -> !a.startsWith("/min-side/login") && !a.startsWith("/min-side/test-login"))
			.toList();
		candidatePages = new java.util.ArrayList<>(candidatePages);
		candidatePages.addAll(List.of("/min-side", "/min-side/anything"));
		for (String page : candidatePages) {
			HttpResponse<byte[]> answer = staff.get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/min-side/login");
		}
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
