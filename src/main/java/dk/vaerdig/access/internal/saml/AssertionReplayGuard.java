package dk.vaerdig.access.internal.saml;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time use of SAML assertions, in PostgreSQL so it holds across nodes: an assertion id is inserted once (the
 * primary key refuses a second), kept until the assertion expires, then removed.
 */
@Component
public class AssertionReplayGuard implements SamlResponses.Replay {

	private final JdbcClient jdbc;

	private final Clock clock;

	AssertionReplayGuard(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean firstUse(String registration, String assertionId, Instant expires) {
		if (assertionId == null || assertionId.isBlank() || assertionId.length() > 256) {
			return false;
		}
		jdbc.sql("DELETE FROM saml_assertion_seen WHERE expires_at < ?").param(Timestamp.from(clock.instant())).update();
		return jdbc.sql("""
				INSERT INTO saml_assertion_seen (assertion_id, registration, expires_at) VALUES (?, ?, ?)
				ON CONFLICT (assertion_id) DO NOTHING""")
			.params(assertionId, registration, Timestamp.from(expires))
			.update() == 1;
	}
}
