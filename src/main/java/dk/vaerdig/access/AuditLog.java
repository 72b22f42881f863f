package dk.vaerdig.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log of personal-data use. Each entry carries the SHA-256 of its content and of the entry
 * before it in the chain, so an entry changed or removed afterwards breaks the chain, which {@link #verify()} detects.
 * A database trigger refuses UPDATE and DELETE on the table (but the chainer's one-time linking of a new entry), so
 * the log is append-only for the application's own database user too.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	AuditLog(JdbcClient jdbc, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Records that the signed-in user used the candidate's data; joins the caller's transaction if there is one. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(long candidateId, AuditAction action, String detail) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		append(auth == null ? "system" : auth.getName(), candidateId, action, detail);
	}

	/**
	 * Appends an entry. No lock is taken: the entry is stored unchained, and {@link #chain()} links it into the hash
	 * chain moments later, so many requests can log at once.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void append(String actor, Long candidateId, AuditAction action, String detail) {
		jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail) VALUES (?, ?, ?, ?, ?)")
			.params(java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), actor, candidateId,
					action.name(), detail)
			.update();
		PersonalDataReads.recorded(candidateId);
	}

	/**
	 * Appends one entry per candidate, all with the same time, actor, kind and detail, in one statement (a list of 50
	 * candidates costs one round trip, not 50); chained like {@link #append}.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void appendAll(String actor, java.util.Collection<Long> candidateIds, AuditAction action, String detail) {
		if (candidateIds.isEmpty()) {
			return;
		}
		java.sql.Timestamp at = java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
		Long[] ids = candidateIds.toArray(Long[]::new);
		jdbcTemplate.update(con -> {
			var insert = con.prepareStatement("INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail)"
					+ " SELECT ?, ?, t.c, ?, ? FROM unnest(?) WITH ORDINALITY AS t (c, n) ORDER BY t.n");
			insert.setTimestamp(1, at);
			insert.setString(2, actor);
			insert.setString(3, action.name());
			insert.setString(4, detail);
			insert.setArray(5, con.createArrayOf("bigint", ids));
			return insert;
		});
		candidateIds.forEach(PersonalDataReads::recorded);
	}

	/**
	 * Links the unchained entries into the hash chain, oldest first, each with the hash of its content and of the entry
	 * before it; returns how many entries were chained. The background chainer calls it every half second on one node
	 * (ShedLock); a PostgreSQL advisory lock also keeps a direct call (the audit page's check, tests) from chaining at
	 * the same time as the background run: such a call returns 0 at once instead of waiting.
	 */
	@Transactional
	public int chain() {
		Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(7467001)").query(Boolean.class).single();
		if (!Boolean.TRUE.equals(locked)) {
			return 0;
		}
		Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query()
			.singleRow();
		long pos = ((Number) head.get("last_seq")).longValue();
		String prev = (String) head.get("last_hash");
		List<Object[]> updates = new java.util.ArrayList<>();
		for (var e : jdbc.sql("""
				SELECT seq, occurred_at, actor, candidate_id, action, detail FROM audit_entry
				WHERE chain_pos IS NULL ORDER BY seq LIMIT 10000""")
			.query((rs, n) -> new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), (Long) rs.getObject("candidate_id"), AuditAction.valueOf(rs.getString("action")),
					rs.getString("detail")))
			.list()) {
			pos++;
			String hash = hash(pos, e.occurredAt(), e.actor(), e.candidateId(), e.action().name(), e.detail(), prev);
			updates.add(new Object[] { pos, prev, hash, e.seq() });
			prev = hash;
		}
		if (updates.isEmpty()) {
			return 0;
		}
		jdbcTemplate.batchUpdate("UPDATE audit_entry SET chain_pos = ?, prev_hash = ?, hash = ? WHERE seq = ?", updates);
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(pos, prev).update();
		return updates.size();
	}

	/** Entries not yet linked into the chain (normally none, or those of the last half second). */
	public long unchained() {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE chain_pos IS NULL").query(Long.class).single();
	}

	/** Entries matching the filter, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditQuery query) {
		StringBuilder sql = new StringBuilder(
				"SELECT seq, occurred_at, actor, candidate_id, action, detail FROM audit_entry WHERE TRUE");
		java.util.ArrayList<Object> params = new java.util.ArrayList<>();
		if (query.candidateId() != null) {
			sql.append(" AND candidate_id = ?");
			params.add(query.candidateId());
		}
		if (query.actor() != null && !query.actor().isBlank()) {
			sql.append(" AND actor = ?");
			params.add(query.actor().strip());
		}
		if (query.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(java.sql.Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(java.sql.Timestamp.from(query.to()));
		}
		sql.append(" ORDER BY seq DESC LIMIT ? OFFSET ?");
		params.add(query.size() + 1);
		params.add((long) query.page() * query.size());
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), (Long) rs.getObject("candidate_id"), AuditAction.valueOf(rs.getString("action")),
					rs.getString("detail")))
			.list();
	}

	/** Walks the whole chain and returns the first position whose hash does not match, if any. */
	@Transactional(readOnly = true)
	public Verification verify() {
		String[] prev = { "0".repeat(64) };
		long[] count = { 0 };
		Long[] broken = { null };
		jdbc.sql("""
				SELECT chain_pos, occurred_at, actor, candidate_id, action, detail, prev_hash, hash FROM audit_entry
				WHERE chain_pos IS NOT NULL ORDER BY chain_pos""")
			.query(rs -> {
				if (broken[0] != null) {
					return;
				}
				long pos = rs.getLong("chain_pos");
				String expected = hash(pos, rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
						(Long) rs.getObject("candidate_id"), rs.getString("action"), rs.getString("detail"), prev[0]);
				if (pos != count[0] + 1 || !prev[0].equals(rs.getString("prev_hash")) || !expected.equals(rs.getString("hash"))) {
					broken[0] = pos;
					return;
				}
				prev[0] = expected;
				count[0]++;
			});
		Optional<String> headHash = jdbc.sql("SELECT last_hash FROM audit_head WHERE id = 1").query(String.class).optional();
		if (broken[0] == null && headHash.isPresent() && !headHash.get().equals(prev[0])) {
			broken[0] = count[0] + 1; // entries were removed from the end
		}
		return new Verification(count[0], broken[0]);
	}

	static String hash(long seq, Instant at, String actor, Long candidateId, String action, String detail, String prev) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			String content = String.join("\u001f", Long.toString(seq), at.truncatedTo(ChronoUnit.MICROS).toString(), actor,
					String.valueOf(candidateId), action, String.valueOf(detail), prev);
			return HexFormat.of().formatHex(sha.digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** One use of personal data. */
	public record AuditEntry(long seq, Instant occurredAt, String actor, Long candidateId, AuditAction action,
			String detail) {
	}

	/** A search of the log; page counts from 0. */
	public record AuditQuery(Long candidateId, String actor, Instant from, Instant to, int page, int size) {
	}

	/**
	 * The result of walking the chain: how many entries were checked, and the first broken one (null if none).
	 * Serializable, as it travels in a flash attribute through the session store.
	 */
	public record Verification(long checked, Long firstBrokenSeq) implements java.io.Serializable {

		public boolean intact() {
			return firstBrokenSeq == null;
		}

		public Optional<Long> firstBroken() {
			return Optional.ofNullable(firstBrokenSeq);
		}
	}
}
