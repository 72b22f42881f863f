package dk.vaerdig.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The anchors of the audit chain ({@code audit_anchor}, V100): where the chain starts after retention removed its
 * oldest entries. An anchor says that positions {@code fromPos} to {@code pos} were removed and that the link at
 * {@code pos + 1} must hold {@code hash} as its previous hash. Anchors follow each other by position (each starts
 * where the one before ended, the first at position 1) and each carries an HMAC of its positions and hash made with the
 * audit key, which the database never holds: so an anchor written without the key, or an anchor taken away, is found,
 * and a chain pruned by retention verifies as intact while one cut at its start outside retention does not.
 * <p>
 * The database function {@code audit_prune} removes the entries and stores the anchor in one transaction; it cannot
 * check the HMAC (it has no key), so {@link #check()} does.
 */
public class AuditAnchors {

	private final AuditKeys keys;

	private final JdbcClient jdbc;

	public AuditAnchors(AuditKeys keys, JdbcClient jdbc) {
		this.keys = keys;
		this.jdbc = jdbc;
	}

	/** One anchor: positions {@code fromPos} to {@code pos} were removed; {@code hash} was the hash at {@code pos}. */
	public record Anchor(long pos, long fromPos, String hash, long removed, Instant anchoredAt, String keyId, String mac) {
	}

	/**
	 * The anchors as they are: the latest (empty if none), how many there are, and the position of the first one that
	 * does not hold (its HMAC is wrong or made with an unknown key, or it does not start where the one before ended), or
	 * null if all hold.
	 */
	public record Check(Optional<Anchor> latest, int count, Long firstForgedPos) {

		public boolean intact() {
			return firstForgedPos == null;
		}

		/** The last position removed by retention: the chain starts after it (0 if nothing was ever removed). */
		public long startAfter() {
			return latest.map(Anchor::pos).orElse(0L);
		}
	}

	/** The text an anchor's HMAC is made of. */
	static String signedText(long fromPos, long pos, String hash, String keyId) {
		return String.join("\u001f", "audit-anchor", "v1", Long.toString(fromPos), Long.toString(pos), hash, keyId);
	}

	/** The HMAC of an anchor with the current key, as {@code [keyId, mac]}, for {@code audit_prune}. */
	public String[] sign(long fromPos, long pos, String hash) {
		String keyId = keys.currentId();
		return new String[] { keyId, keys.mac(keyId, signedText(fromPos, pos, hash, keyId)) };
	}

	/** Reads every anchor, oldest first, and checks each one's HMAC and place. */
	public Check check() {
		List<Anchor> anchors = jdbc.sql("""
				SELECT pos, from_pos, hash, removed, anchored_at, key_id, mac FROM audit_anchor ORDER BY pos""")
			.query((rs, n) -> new Anchor(rs.getLong("pos"), rs.getLong("from_pos"), rs.getString("hash").strip(),
					rs.getLong("removed"), rs.getTimestamp("anchored_at").toInstant(), rs.getString("key_id"),
					rs.getString("mac").strip()))
			.list();
		long expectedFrom = 1;
		Long forged = null;
		for (Anchor anchor : anchors) {
			if (!holds(anchor, expectedFrom)) {
				forged = anchor.pos();
				break;
			}
			expectedFrom = anchor.pos() + 1;
		}
		Optional<Anchor> latest = anchors.isEmpty() ? Optional.empty() : Optional.of(anchors.get(anchors.size() - 1));
		return new Check(latest, anchors.size(), forged);
	}

	private boolean holds(Anchor anchor, long expectedFrom) {
		if (anchor.fromPos() != expectedFrom || anchor.pos() < anchor.fromPos()
				|| anchor.removed() != anchor.pos() - anchor.fromPos() + 1 || !keys.knows(anchor.keyId())) {
			return false;
		}
		String expected = keys.mac(anchor.keyId(), signedText(anchor.fromPos(), anchor.pos(), anchor.hash(), anchor.keyId()));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				anchor.mac().getBytes(StandardCharsets.US_ASCII));
	}
}
