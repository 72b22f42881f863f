package dk.vaerdig.letters.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API tokens of the analyser's HTTP API, one or more per municipality or other system. A token is 32 random bytes
 * (base64url, prefixed {@code vdg_}), shown once when it is made; only its SHA-256 is stored
 * ({@code letter_api_token}). A lookup is cached for a short while (a revoked token stops working within
 * {@link #CACHE_TIME} on every node; on the node that revoked it at once).
 */
@Service
public class ApiTokens {

	/** A token that authenticates: its row's id and name (the municipality or system it was made for). */
	public record Holder(long id, String name) {
	}

	/** A token as the administration page lists it (never the token itself). */
	public record Row(long id, String name, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {

		public boolean revoked() {
			return revokedAt != null;
		}
	}

	/** A token just made: the only time the token itself is known. */
	public record Created(long id, String name, String token) {
	}

	static final Duration CACHE_TIME = Duration.ofSeconds(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Cache<String, Optional<Holder>> cache = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(CACHE_TIME)
		.build();

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Created create(String name, String createdBy) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 200) {
			throw new IllegalArgumentException("A token needs a name of 1 to 200 characters");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "vdg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = jdbc.sql("INSERT INTO letter_api_token (name, token_sha256, created_by) VALUES (?, ?, ?) RETURNING id")
			.params(clean, sha256(token), createdBy)
			.query(Long.class)
			.single();
		return new Created(id, clean, token);
	}

	/** Revokes the token; true when it was active. */
	@Transactional
	public boolean revoke(long id, String revokedBy) {
		int changed = jdbc.sql("UPDATE letter_api_token SET revoked_at = now(), revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
			.params(revokedBy, id)
			.update();
		cache.invalidateAll();
		return changed > 0;
	}

	public List<Row> all() {
		return jdbc.sql("""
				SELECT id, name, created_at, created_by, revoked_at, revoked_by FROM letter_api_token
				ORDER BY revoked_at IS NOT NULL, name, id""")
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
					rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
					rs.getString("revoked_by")))
			.list();
	}

	/** The holder of an active token, or empty for an unknown or revoked one (or anything that is not a token). */
	public Optional<Holder> authenticate(String token) {
		if (token == null || token.length() < 10 || token.length() > 200) {
			return Optional.empty();
		}
		String hash = sha256(token);
		return cache.get(hash, h -> jdbc.sql("SELECT id, name FROM letter_api_token WHERE token_sha256 = ? AND revoked_at IS NULL")
			.param(h)
			.query((rs, n) -> new Holder(rs.getLong("id"), rs.getString("name")))
			.optional());
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
