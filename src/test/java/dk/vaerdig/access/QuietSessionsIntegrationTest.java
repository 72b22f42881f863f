package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.SqlStatements;
import dk.vaerdig.SqlStatements.Request;
import dk.vaerdig.WebSession;

/**
 * Sessions are read once a request, and their last-access time is written at most once a minute
 * ({@code vaerdig.access.session-touch-interval}); what that must not break: the idle timeout, logout, and a new
 * session id at login. The time in the session store is moved back by SQL instead of waiting.
 */
@IntegrationTest
class QuietSessionsIntegrationTest {

	static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@LocalServerPort
	int port;

	String newCaseworker() {
		String username = "stille" + SERIAL.incrementAndGet() + "." + System.nanoTime();
		jdbc.sql("""
				INSERT INTO staff_user (username, display_name, password_hash, role, team_id)
				SELECT ?, 'Stille Person', ?, 'CASEWORKER', team_id FROM staff_user WHERE username = 'sagsbehandler'""")
			.params(username, passwords.encode("hemmelig"))
			.update();
		return username;
	}

	WebSession login(String username) {
		return WebSession.login(URI.create("http://localhost:" + port), username, "hemmelig");
	}

	long lastAccess(String username) {
		return jdbc.sql("SELECT last_access_time FROM spring_session WHERE principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	void moveBack(String username, long millis) {
		jdbc.sql("""
				UPDATE spring_session SET last_access_time = last_access_time - :ms, expiry_time = expiry_time - :ms
				WHERE principal_name = :user""")
			.param("ms", millis)
			.param("user", username)
			.update();
	}

	static boolean writesTheSession(Request request) {
		return request.statements().stream()
			.map(s -> s.strip().toUpperCase(java.util.Locale.ROOT))
			.anyMatch(s -> s.matches("(?s)(UPDATE|INSERT INTO|DELETE FROM) SPRING_SESSION.*"));
	}

	@Test
	void aReadingRequestWithinAMinuteOfTheLastWriteReadsTheSessionOnceAndWritesNothing() {
		String username = newCaseworker();
		WebSession session = login(username);
		assertThat(session.get("/cases").statusCode()).isEqualTo(200);
		long before = lastAccess(username);
		Request list = SqlStatements.of(() -> assertThat(session.get("/cases").statusCode()).isEqualTo(200));
		assertThat(list.statements()).as(list.toString())
			.filteredOn(s -> s.toUpperCase(java.util.Locale.ROOT).contains("SPRING_SESSION"))
			.hasSize(1);
		assertThat(writesTheSession(list)).as(list.toString()).isFalse();
		assertThat(lastAccess(username)).isEqualTo(before);
	}

	@Test
	void theLastAccessTimeIsWrittenOnceItIsAMinuteOld() {
		String username = newCaseworker();
		WebSession session = login(username);
		moveBack(username, 61_000);
		long moved = lastAccess(username);
		Request list = SqlStatements.of(() -> assertThat(session.get("/cases").statusCode()).isEqualTo(200));
		assertThat(writesTheSession(list)).as(list.toString()).isTrue();
		long now = Instant.now().toEpochMilli();
		assertThat(lastAccess(username)).isGreaterThan(moved + 60_000).isBetween(now - 10_000, now);
		// and the next request within the minute writes nothing again
		assertThat(writesTheSession(SqlStatements.of(() -> session.get("/cases")))).isFalse();
	}

	@Test
	void aSessionIdleLongerThanTheTimeoutIsGone() {
		String username = newCaseworker();
		WebSession session = login(username);
		assertThat(session.get("/cases").statusCode()).isEqualTo(200);
		long timeout = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
		moveBack(username, timeout * 1000 + 1_000);
		HttpResponse<byte[]> after = session.get("/cases");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void aLoginGetsANewSessionIdAndLogoutRemovesTheSession() {
		WebSession anonymous = WebSession.anonymous(URI.create("http://localhost:" + port));
		String username = newCaseworker();
		HttpResponse<byte[]> form = anonymous.get("/login");
		String before = jdbc.sql("SELECT session_id FROM spring_session ORDER BY creation_time DESC LIMIT 1")
			.query(String.class)
			.single();
		var fields = new java.util.LinkedHashMap<String, String>();
		fields.put("username", username);
		fields.put("password", "hemmelig");
		fields.put("_csrf", anonymous.csrf(form, "/login"));
		assertThat(anonymous.post("/login", fields).statusCode()).isEqualTo(302);
		String after = jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(after).as("session fixation protection: a new id at login").isNotEqualTo(before);
		HttpResponse<byte[]> cases = anonymous.get("/cases");
		assertThat(cases.statusCode()).isEqualTo(200);
		var logout = new java.util.LinkedHashMap<String, String>();
		logout.put("_csrf", anonymous.csrf(cases, "/logout"));
		assertThat(anonymous.post("/logout", logout).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
		assertThat(anonymous.get("/cases").statusCode()).isEqualTo(302);
	}
}
