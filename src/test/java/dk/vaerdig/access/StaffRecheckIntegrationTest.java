package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.WebSession;

/**
 * Every request of a signed-in user is checked against the staff row, within the cache time (here 200 ms instead of
 * 10 s): a deactivated member of staff is signed out at the next request, and a changed role or team takes effect in
 * the running session, for the URL rules and for case access alike.
 */
@IntegrationTest
@TestPropertySource(properties = "vaerdig.access.staff-cache-ttl=200ms")
@Import(TestRemoteAddressEcho.class) // the same context as ReverseProxyIntegrationTest: one extra start, not two
class StaffRecheckIntegrationTest {

	static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	PasswordEncoder passwords;

	@LocalServerPort
	int port;

	/** A new caseworker in the team of the demo caseworker "sagsbehandler", with the password "hemmelig". */
	String newCaseworker() {
		String username = "proeve" + SERIAL.incrementAndGet() + "." + System.nanoTime();
		jdbc.sql("""
				INSERT INTO staff_user (username, display_name, password_hash, role, team_id)
				SELECT ?, 'Prøve Person', ?, 'CASEWORKER', team_id FROM staff_user WHERE username = 'sagsbehandler'""")
			.params(username, passwords.encode("hemmelig"))
			.update();
		return username;
	}

	WebSession login(String username) {
		return WebSession.login(URI.create("http://localhost:" + port), username, "hemmelig");
	}

	static void afterTheCacheTime() throws InterruptedException {
		Thread.sleep(500);
	}

	@Test
	void aDeactivatedMemberOfStaffIsSignedOutAtTheNextRequestAndToldWhy() throws Exception {
		String username = newCaseworker();
		var c = candidates.make("sagsbehandler");
		WebSession session = login(username);
		assertThat(session.get("/cases/" + c.id()).statusCode()).isEqualTo(200);

		jdbc.sql("UPDATE staff_user SET active = FALSE WHERE username = ?").param(username).update();
		afterTheCacheTime();
		HttpResponse<byte[]> refused = session.get("/cases/" + c.id());
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?deactivated");
		assertThat(WebSession.text(refused)).doesNotContain(c.firstName());
		assertThat(WebSession.text(session.get("/login?deactivated")))
			.contains("Du er logget ud, fordi din bruger er lukket.");
		// the session is gone: even if the user were active again, this session would need a new login
		jdbc.sql("UPDATE staff_user SET active = TRUE WHERE username = ?").param(username).update();
		afterTheCacheTime();
		HttpResponse<byte[]> again = session.get("/cases/" + c.id());
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		// and an htmx request is sent to the login page by htmx's own redirect header
		WebSession htmx = login(username);
		jdbc.sql("UPDATE staff_user SET active = FALSE WHERE username = ?").param(username).update();
		afterTheCacheTime();
		HttpResponse<byte[]> partial = htmx.get(htmx.resolve("/cases?q=a"), java.util.Map.of("HX-Request", "true"));
		assertThat(partial.headers().firstValue("HX-Redirect").orElseThrow()).endsWith("/login?deactivated");
		assertThat(WebSession.text(partial)).isEmpty();
	}

	@Test
	void aChangedRoleAndTeamTakeEffectInTheOpenSessionForUrlRulesAndCaseAccess() throws Exception {
		String username = newCaseworker();
		var ownTeam = candidates.make("sagsbehandler");
		var otherTeam = candidates.make("teamleder.syg", "LAB05");
		WebSession session = login(username);
		assertThat(session.get("/admin/audit").statusCode()).isEqualTo(403);
		assertThat(session.get("/cases/" + ownTeam.id()).statusCode()).isEqualTo(200);

		// made an administrator: the URL rules let them in, case access (which sees no cases for them) does not
		jdbc.sql("UPDATE staff_user SET role = 'ADMIN' WHERE username = ?").param(username).update();
		afterTheCacheTime();
		assertThat(session.get("/admin/audit").statusCode()).isEqualTo(200);
		assertThat(session.get("/cases/" + ownTeam.id()).statusCode()).isEqualTo(404);

		// a caseworker again, in the other team: the URL rule refuses the admin page, and the cases follow the team
		jdbc.sql("""
				UPDATE staff_user SET role = 'CASEWORKER',
				  team_id = (SELECT team_id FROM staff_user WHERE username = 'teamleder.syg') WHERE username = ?""")
			.param(username)
			.update();
		afterTheCacheTime();
		assertThat(session.get("/admin/audit").statusCode()).isEqualTo(403);
		assertThat(session.get("/cases/" + ownTeam.id()).statusCode()).isEqualTo(404);
		assertThat(session.get("/cases/" + otherTeam.id()).statusCode()).isEqualTo(200);
	}
}
