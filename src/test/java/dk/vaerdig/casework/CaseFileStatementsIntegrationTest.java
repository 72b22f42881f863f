package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.SqlStatements;
import dk.vaerdig.SqlStatements.Request;
import dk.vaerdig.WebSession;

/**
 * The case file's two busiest requests, the case page and the search, each need at most {@value #MOST} SQL
 * statements, all counted over real HTTP: the session's, the staff re-check's, the audit log's and the page's. The
 * case page is that of the demo candidate with the most meetings in the caseworker's team, so every section has rows.
 */
@IntegrationTest
class CaseFileStatementsIntegrationTest {

	static final int MOST = 6;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebSession caseworker() {
		WebSession session = WebSession.login(URI.create("http://localhost:" + port), "sagsbehandler", "demo");
		// the first request after the login may store what the login left (the saved request, a fresh CSRF token)
		assertThat(session.get("/cases").statusCode()).isEqualTo(200);
		return session;
	}

	long busiestCaseOf(String caseworker) {
		return jdbc.sql("""
				SELECT c.id FROM candidate c JOIN meeting m ON m.candidate_id = c.id
				WHERE c.team_id = (SELECT team_id FROM staff_user WHERE username = ?)
				GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1""")
			.param(caseworker)
			.query(Long.class)
			.single();
	}

	@Test
	void aCasePageNeedsAtMostSixStatements() {
		WebSession session = caseworker();
		long id = busiestCaseOf("sagsbehandler");
		session.get("/cases/" + id); // once, so what a first look may do (caches) is not counted
		Request page = SqlStatements.of(() -> assertThat(session.get("/cases/" + id).statusCode()).isEqualTo(200));
		System.out.println(page); // the statements, for loadtest/pgbench (the limit run repeats them)
		assertThat(page.count()).as(page.toString()).isLessThanOrEqualTo(MOST);
		assertThat(page.statements()).as("the read is in the audit log").anyMatch(s -> s.contains("audit_entry"));
		// one transaction, the candidate's read with its audit entry; the session is read without one
		assertThat(page.commits()).as(page.toString()).isEqualTo(1);
	}

	@Test
	void aSearchNeedsAtMostSixStatements() {
		WebSession session = caseworker();
		HttpResponse<byte[]> list = session.get("/cases");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("q", "hansen");
		form.put("_csrf", session.csrf(list, "/cases"));
		session.post("/cases", form);
		Request search = SqlStatements.of(() -> assertThat(session.post("/cases", form).statusCode()).isEqualTo(200));
		System.out.println(search);
		assertThat(search.count()).as(search.toString()).isLessThanOrEqualTo(MOST);
		assertThat(search.statements()).as("the candidates shown are in the audit log").anyMatch(s -> s.contains("audit_entry"));
		// one transaction, the audit entry's; the session is read without one
		assertThat(search.commits()).as(search.toString()).isEqualTo(1);
	}

	@Test
	void theCandidateListByFilterNeedsAtMostSixStatements() {
		WebSession session = caseworker();
		session.get("/cases?due=OVERDUE");
		Request list = SqlStatements.of(() -> assertThat(session.get("/cases?due=OVERDUE").statusCode()).isEqualTo(200));
		System.out.println(list);
		assertThat(list.count()).as(list.toString()).isLessThanOrEqualTo(MOST);
	}

	@Test
	void aCasePageOrASearchWritesNothingToTheSessionStore() {
		WebSession session = caseworker();
		long id = busiestCaseOf("sagsbehandler");
		Request page = SqlStatements.of(() -> session.get("/cases/" + id));
		assertThat(page.statements()).as(page.toString())
			.filteredOn(s -> s.toLowerCase(java.util.Locale.ROOT).contains("spring_session"))
			.singleElement()
			.satisfies(s -> assertThat(s.strip()).startsWithIgnoringCase("SELECT"));
	}

	@Test
	void theCounterCountsTheStatementsOfTheRequestItself() {
		// a login writes a session (the id changes and the security context is stored): the counter must see those
		// writes, or a count of a reading page would prove nothing
		WebSession anonymous = WebSession.anonymous(URI.create("http://localhost:" + port));
		HttpResponse<byte[]> form = anonymous.get("/login");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", "sagsbehandler");
		fields.put("password", "demo");
		fields.put("_csrf", anonymous.csrf(form, "/login"));
		Request login = SqlStatements.of(() -> assertThat(anonymous.post("/login", fields).statusCode()).isEqualTo(302));
		assertThat(login.statements()).as(login.toString())
			.anyMatch(s -> s.strip().toUpperCase(java.util.Locale.ROOT).matches("(?s)(INSERT INTO|UPDATE) SPRING_SESSION.*"));
	}
}
