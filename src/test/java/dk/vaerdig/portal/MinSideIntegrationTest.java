package dk.vaerdig.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.WebSession;
import dk.vaerdig.platform.DanishDates;

/**
 * Min side, part 1, over real HTTP through the demo's test login: the overview shows the signed-in candidate's next
 * meeting, caseworker with phone number and open agreements, and only theirs (two candidates side by side, and ids of
 * another candidate in the address change nothing); every read is in the audit log with the candidate as actor, named
 * by id; a candidate without an open case gets a friendly page; the test login exists only in the demo.
 */
@IntegrationTest
class MinSideIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	WebSession browser() {
		return WebSession.anonymous(URI.create("http://localhost:" + port));
	}

	String agree(long candidateId, String what) {
		jdbc.sql("""
				INSERT INTO agreement (candidate_id, responsible, what, due_date, status, created_at)
				VALUES (?, 'CANDIDATE', ?, current_date + 7, 'OPEN', now())""").params(candidateId, what).update();
		return what;
	}

	String cpr(long id) {
		return jdbc.sql("SELECT cpr FROM candidate WHERE id = ?").param(id).query(String.class).single();
	}

	String firstName(long id) {
		return jdbc.sql("SELECT first_name FROM candidate WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void eachCandidateSeesTheirOwnCourseAndNobodyElses() {
		// other tests read other Min side pages as the same demo candidates: this test's own entries only
		long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
		WebSession a = browser();
		long aId = a.loginAsDemoCandidate(0);
		WebSession b = browser();
		long bId = b.loginAsDemoCandidate(1);
		assertThat(aId).isNotEqualTo(bId);
		String aAgreement = agree(aId, "Send dit CV til Anne " + System.nanoTime());
		String bAgreement = agree(bId, "Ring til Bo " + System.nanoTime());

		String aPage = WebSession.text(a.get("/min-side"));
		var aHtml = Jsoup.parse(aPage);
		assertThat(aHtml.select("h1").text()).isEqualTo("Hej " + firstName(aId));
		assertThat(aHtml.text()).contains(aAgreement).doesNotContain(bAgreement);
		// the next meeting: when, how, with whom
		Map<String, Object> next = jdbc.sql("""
				SELECT m.planned_at, s.display_name FROM meeting m JOIN staff_user s ON s.username = m.caseworker
				WHERE m.candidate_id = ? AND m.status = 'PLANNED' AND m.planned_at >= now() ORDER BY m.planned_at LIMIT 1""")
			.param(aId).query().singleRow();
		Instant at = ((java.sql.Timestamp) next.get("planned_at")).toInstant();
		assertThat(aHtml.select("dl.facts").text()).contains(DanishDates.dateTime(at, ZoneId.of("Europe/Copenhagen")))
			.contains((String) next.get("display_name"));
		// the caseworker, with a phone number to call
		Map<String, Object> caseworker = jdbc.sql("""
				SELECT s.display_name, s.phone FROM candidate c JOIN staff_user s ON s.username = c.caseworker WHERE c.id = ?""")
			.param(aId).query().singleRow();
		assertThat(aHtml.text()).contains((String) caseworker.get("display_name"));
		if (caseworker.get("phone") != null) {
			assertThat(aHtml.select("a[href]").stream().filter(l -> l.attr("href").startsWith("tel:")).map(l -> l.text()))
				.contains((String) caseworker.get("phone"));
		}
		// no CPR number, no id to try
		assertThat(aPage).doesNotContain(cpr(aId));
		// another candidate's id in the address changes nothing: the page is about the signed-in candidate
		for (String tried : List.of("/min-side?candidateId=" + bId, "/min-side?id=" + bId, "/min-side?candidate=" + bId)) {
			String page = WebSession.text(a.get(tried));
			assertThat(page).as(tried).contains(aAgreement).doesNotContain(bAgreement);
		}
		assertThat(WebSession.text(b.get("/min-side"))).contains(bAgreement).doesNotContain(aAgreement);

		// the audit log: the candidate is the actor, by id; the login with its level of assurance; each read
		List<Map<String, Object>> entries = jdbc.sql("""
				SELECT candidate_id, action, detail FROM audit_entry WHERE actor = ? AND seq > ? ORDER BY seq""")
			.params("candidate:" + aId, before).query().listOfRows();
		assertThat(entries).allSatisfy(e -> assertThat(((Number) e.get("candidate_id")).longValue()).isEqualTo(aId));
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.get("action")).isEqualTo("SIGN_IN");
			assertThat((String) e.get("detail")).contains("demo test login").contains("substantial");
		});
		assertThat(entries).filteredOn(e -> "VIEW_CASE".equals(e.get("action"))).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy(e -> assertThat(e.get("detail")).isEqualTo("min side: overview"));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor LIKE ? OR actor LIKE ?")
			.params("%" + cpr(aId) + "%", "%" + cpr(aId).replace("-", "") + "%").query(Long.class).single()).isZero();
	}

	@Test
	void aCandidateWithoutAnOpenCaseGetsAFriendlyPage() {
		WebSession c = browser();
		long id = c.loginAsDemoCandidate(2);
		try {
			jdbc.sql("UPDATE candidate SET course_closed_on = current_date WHERE id = ?").param(id).update();
			HttpResponse<byte[]> page = c.get("/min-side");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(WebSession.text(page)).contains("Vi kan ikke finde et forløb til dig")
				.contains("Mener du, at det er forkert? Så ring til os på");
		}
		finally {
			jdbc.sql("UPDATE candidate SET course_closed_on = NULL WHERE id = ?").param(id).update();
		}
	}

	@Test
	void theTestLoginIsClearlyMarkedOffersAFewDemoCandidatesAndNobodyElse() {
		WebSession visitor = browser();
		var page = Jsoup.parse(WebSession.text(visitor.get("/min-side/test-login")));
		assertThat(page.text()).contains("Den findes kun, fordi demodata er slået til").contains("sikringsniveau betydelig");
		assertThat(page.select("form[action=/min-side/test-login]")).hasSize(5);
		assertThat(page.select(".test-logins .hint").eachText()).allSatisfy(t -> assertThat(t).matches("CPR-nummer \\d{6}-xxxx"));
		// the candidates' login page leads to it
		assertThat(Jsoup.parse(WebSession.text(visitor.get("/min-side/login"))).select("a[href=/min-side/test-login]"))
			.hasSize(1);
		// a candidate who is not offered cannot be chosen
		var other = candidates.make("sagsbehandler");
		HttpResponse<byte[]> refused = visitor.post("/min-side/test-login",
				Map.of("candidateId", String.valueOf(other.id()), "_csrf", visitor.csrf(visitor.get("/min-side/test-login"),
						"/min-side/test-login")));
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(visitor.get("/min-side").statusCode()).isEqualTo(302);
	}

	@Test
	void withoutDemoDataTheTestLoginAnswers404() {
		List<Map<String, Object>> marks = jdbc.sql("SELECT generated_at, seed, candidates FROM demo_data").query().listOfRows();
		try {
			jdbc.sql("DELETE FROM demo_data").update();
			WebSession visitor = browser();
			assertThat(visitor.get("/min-side/test-login").statusCode()).isEqualTo(404);
		}
		finally {
			for (Map<String, Object> mark : marks) {
				jdbc.sql("INSERT INTO demo_data (generated_at, seed, candidates) VALUES (?, ?, ?)")
					.params(mark.get("generated_at"), mark.get("seed"), mark.get("candidates")).update();
			}
		}
	}
}
