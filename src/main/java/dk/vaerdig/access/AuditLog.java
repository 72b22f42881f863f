package dk.vaerdig.access;

import java.io.Serializable;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.internal.AuditAnchors;
import dk.vaerdig.access.internal.AuditCheckpoints;
import dk.vaerdig.access.internal.AuditKeys;

/**
 * The append-only audit log of personal-data use. A request only inserts its entry ({@code audit_entry}); a background
 * chainer links entries into a chain ({@code audit_chain}) in which each link holds the HMAC-SHA-256 of the entry's
 * content and of the link before it, made with a secret key the database never holds ({@link AuditKeys}). An entry
 * changed, removed or added afterwards breaks the chain, which {@link #verify()} detects, and nobody can recompute the
 * chain without the key. The tail of the chain is covered by signed checkpoints outside the database
 * ({@link AuditCheckpoints}). Both tables are insert-only: triggers refuse UPDATE, DELETE and TRUNCATE, and the app's
 * database role has only INSERT and SELECT on them and owns neither, so it cannot switch the triggers off.
 * <p>
 * Retention removes the oldest entries only through the owner's database function {@code audit_prune}: a prefix of
 * the chain, older than the audit log's period as the database knows it, with a signed anchor saying where the chain
 * now starts ({@link AuditAnchors}). The verification starts from the latest anchor, so a chain pruned by retention is
 * intact, while a start cut off in any other way, a removed anchor or one written without the key is found.
 */
@Service
public class AuditLog {

	private static final String NO_HASH = "0".repeat(64);

	/**
	 * The condition for the entries about one candidate (two parameters, both the candidate's id): their own and the
	 * lists that showed them, each by its index ({@code audit_entry_candidate_idx}, the GIN index of V190).
	 */
	public static final String ABOUT_CANDIDATE = "(candidate_id = ? OR candidate_ids @> ARRAY[CAST(? AS BIGINT)])";

	/** The most entries one call of {@link #chain()} links. */
	public static final int BATCH = 10_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JdbcTemplate jdbcTemplate;

	private final AuditKeys keys;

	private final AuditCheckpoints checkpoints;

	private final AuditAnchors anchors;

	AuditLog(JdbcClient jdbc, Clock clock, JdbcTemplate jdbcTemplate, AuditKeys keys, AuditCheckpoints checkpoints,
			AuditAnchors anchors) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.jdbcTemplate = jdbcTemplate;
		this.keys = keys;
		this.checkpoints = checkpoints;
		this.anchors = anchors;
	}

	/** Records that the signed-in user used the candidate's data; joins the caller's transaction if there is one. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(long candidateId, AuditAction action, String detail) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		append(auth == null ? "system" : auth.getName(), candidateId, action, detail);
	}

	/**
	 * Appends an entry. No lock is taken: the entry is stored unchained, and {@link #chain()} links it into the chain
	 * moments later, so many requests can log at once.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void append(String actor, Long candidateId, AuditAction action, String detail) {
		jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail) VALUES (?, ?, ?, ?, ?)")
			.params(Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), actor, candidateId,
					action.name(), detail)
			.update();
		PersonalDataReads.recorded(candidateId);
	}

	/**
	 * Records one use of several candidates' data at once (the rows of a list, a search's result page): one entry that
	 * names them all ({@code candidate_ids}, in the order given), so a list of 25 costs one row and one link of the
	 * chain, not 25. Every reader by candidate finds it as it finds an entry of its own ({@link #search},
	 * {@link OwnAccessLog}); one candidate gets an ordinary entry ({@link #append}).
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void appendAll(String actor, Collection<Long> candidateIds, AuditAction action, String detail) {
		if (candidateIds.isEmpty()) {
			return;
		}
		if (candidateIds.size() == 1) {
			append(actor, candidateIds.iterator().next(), action, detail);
			return;
		}
		Timestamp at = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
		Long[] ids = candidateIds.toArray(Long[]::new);
		jdbcTemplate.update(con -> {
			var insert = con.prepareStatement(
					"INSERT INTO audit_entry (occurred_at, actor, candidate_ids, action, detail) VALUES (?, ?, ?, ?, ?)");
			insert.setTimestamp(1, at);
			insert.setString(2, actor);
			insert.setArray(3, con.createArrayOf("bigint", ids));
			insert.setString(4, action.name());
			insert.setString(5, detail);
			return insert;
		});
		candidateIds.forEach(PersonalDataReads::recorded);
	}

	/**
	 * Links the unchained entries into the chain and returns how many were linked. An entry is linked once every
	 * transaction older than the oldest one still running has ended, in the order of (writing transaction, seq): so
	 * an entry whose transaction commits after a later-numbered one is still linked, never skipped, and the head of the
	 * chain tells where to go on. The background chainer calls it every half second on one node (ShedLock); a
	 * PostgreSQL advisory lock keeps a direct call (the audit page's check, tests) from chaining at the same time:
	 * such a call returns 0 at once instead of waiting.
	 */
	@Transactional
	public int chain() {
		Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(7467001)").query(Boolean.class).single();
		if (!Boolean.TRUE.equals(locked)) {
			return 0;
		}
		Head head = head();
		long horizon = jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class).single();
		List<Long> seqs = new ArrayList<>();
		List<String> prevs = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		long pos = head.pos();
		String prev = head.hash();
		String keyId = keys.currentId();
		for (var e : jdbc.sql("""
				SELECT seq, occurred_at, actor, candidate_id, candidate_ids, action, detail FROM audit_entry
				WHERE (tx, seq) > (?, ?) AND tx < ? ORDER BY tx, seq LIMIT ?""")
			.params(head.tx(), head.seq(), horizon, BATCH)
			.query((rs, n) -> entry(rs))
			.list()) {
			pos++;
			String hash = hash(keys, keyId, pos, e, prev);
			seqs.add(e.seq());
			prevs.add(prev);
			hashes.add(hash);
			prev = hash;
		}
		if (!seqs.isEmpty()) {
			insertLinks(head.pos(), keyId, seqs, prevs, hashes);
		}
		return seqs.size();
	}

	/**
	 * The batch's links in one statement (the JDBC driver sends a batch as one INSERT per row): positions
	 * {@code afterPos + 1, + 2, …} in the order of the arrays, all with the same key.
	 */
	private void insertLinks(long afterPos, String keyId, List<Long> seqs, List<String> prevs, List<String> hashes) {
		jdbcTemplate.update(con -> {
			var insert = con.prepareStatement("""
					INSERT INTO audit_chain (pos, seq, key_id, prev_hash, hash)
					SELECT ? + t.n, t.seq, ?, t.prev_hash, t.hash
					FROM unnest(?::bigint[], ?::text[], ?::text[]) WITH ORDINALITY AS t (seq, prev_hash, hash, n)""");
			insert.setLong(1, afterPos);
			insert.setString(2, keyId);
			insert.setArray(3, con.createArrayOf("bigint", seqs.toArray(Long[]::new)));
			insert.setArray(4, con.createArrayOf("text", prevs.toArray(String[]::new)));
			insert.setArray(5, con.createArrayOf("text", hashes.toArray(String[]::new)));
			return insert;
		});
	}

	/** Entries not yet linked into the chain (normally none, or those of the last half second). */
	public long unchained() {
		Head head = head();
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE (tx, seq) > (?, ?)")
			.params(head.tx(), head.seq())
			.query(Long.class)
			.single();
	}

	/**
	 * Entries matching the filter, newest first; by candidate, both the entries about the candidate alone and those of
	 * a list that showed them.
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditQuery query) {
		StringBuilder sql = new StringBuilder(
				"SELECT seq, occurred_at, actor, candidate_id, candidate_ids, action, detail FROM audit_entry WHERE TRUE");
		ArrayList<Object> params = new ArrayList<>();
		if (query.candidateId() != null) {
			sql.append(" AND ").append(ABOUT_CANDIDATE);
			params.add(query.candidateId());
			params.add(query.candidateId());
		}
		if (query.actor() != null && !query.actor().isBlank()) {
			sql.append(" AND actor = ?");
			params.add(query.actor().strip());
		}
		if (query.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(Timestamp.from(query.to()));
		}
		sql.append(" ORDER BY seq DESC LIMIT ? OFFSET ?");
		params.add(query.size() + 1);
		params.add((long) query.page() * query.size());
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> entry(rs)).list();
	}

	/**
	 * Checks the anchors, walks the whole chain with the keys from the latest anchor (from position 1 if retention has
	 * removed nothing), checks that no entry lies outside it, and checks the chain against the latest checkpoint outside
	 * the database. All in one snapshot of the database.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		AuditAnchors.Check anchored = anchors.check();
		long start = anchored.startAfter();
		String[] prev = { anchored.latest().map(AuditAnchors.Anchor::hash).orElse(NO_HASH) };
		long[] count = { 0 };
		Long[] broken = { null };
		long[] headTxSeq = { -1, -1 };
		jdbc.sql("""
				SELECT c.pos, c.seq, c.key_id, c.prev_hash, c.hash, e.tx, e.occurred_at, e.actor, e.candidate_id,
				  e.candidate_ids, e.action, e.detail FROM audit_chain c LEFT JOIN audit_entry e ON e.seq = c.seq
				ORDER BY c.pos""")
			.query(rs -> {
				if (broken[0] != null) {
					return;
				}
				long pos = rs.getLong("pos");
				String keyId = rs.getString("key_id");
				boolean ok = pos == start + count[0] + 1 && rs.getObject("tx") != null && keys.knows(keyId)
						&& prev[0].equals(rs.getString("prev_hash"))
						&& hash(keys, keyId, pos, entry(rs), prev[0]).equals(rs.getString("hash"));
				if (!ok) {
					broken[0] = start + count[0] + 1;
					return;
				}
				prev[0] = rs.getString("hash");
				headTxSeq[0] = rs.getLong("tx");
				headTxSeq[1] = rs.getLong("seq");
				count[0]++;
			});
		long outside = 0;
		if (broken[0] == null) {
			long covered = jdbc.sql("SELECT count(*) FROM audit_entry WHERE (tx, seq) <= (?, ?)")
				.params(headTxSeq[0], headTxSeq[1])
				.query(Long.class)
				.single();
			outside = covered - count[0];
		}
		CheckpointCheck checkpointCheck;
		Long checkpointPos = null;
		Instant checkpointAt = null;
		if (checkpoints.file().isEmpty()) {
			checkpointCheck = CheckpointCheck.NOT_CONFIGURED;
		}
		else {
			AuditCheckpoints.Latest latest = checkpoints.latest();
			if (latest.checkpoint().isEmpty()) {
				checkpointCheck = latest.invalidLinesAfter() ? CheckpointCheck.FORGED : CheckpointCheck.NONE_YET;
			}
			else {
				checkpointPos = latest.checkpoint().get().pos();
				checkpointAt = latest.checkpoint().get().at();
				checkpointCheck = latest.invalidLinesAfter() ? CheckpointCheck.FORGED
						: checkpoints.check(latest.checkpoint().get());
			}
		}
		return new Verification(count[0], broken[0], outside, checkpointCheck, checkpointPos, checkpointAt,
				appRoleCanRewrite(), start, anchored.firstForgedPos());
	}

	/**
	 * Whether the app's own database role could change the log: it owns the audit tables (and could switch their
	 * triggers off), or has UPDATE, DELETE or TRUNCATE on them, or may write the anchors or the audit log's retention
	 * floor. True where the app runs as the owner or a superuser.
	 */
	public boolean appRoleCanRewrite() {
		return jdbc.sql("""
				SELECT bool_or(pg_has_role(current_user, c.relowner, 'USAGE') OR has_table_privilege(c.oid, 'UPDATE')
				  OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE')
				  OR (c.oid <> 'audit_entry'::regclass AND c.oid <> 'audit_chain'::regclass
				      AND has_table_privilege(c.oid, 'INSERT')))
				FROM pg_class c WHERE c.oid IN ('audit_entry'::regclass, 'audit_chain'::regclass, 'audit_anchor'::regclass,
				  'audit_retention_floor'::regclass)""")
			.query(Boolean.class)
			.single();
	}

	/**
	 * The HMAC of a link: its position, the entry's number and content, the key id and the previous link's HMAC. A
	 * missing candidate or detail is written as NUL, so it cannot be confused with the text "null". An entry of a list
	 * ({@code candidate_ids}) is hashed as "v3", with the ids in their order after the single candidate; every other
	 * entry as "v2", as before the lists, so links made before stay valid. Which form applies follows from the entry's
	 * content, so taking the list away (or adding one) changes the hash as any other change does.
	 */
	static String hash(AuditKeys keys, String keyId, long pos, AuditEntry e, String prev) {
		String candidate = e.candidateId() == null ? "\u0000" : e.candidateId().toString();
		String detail = e.detail() == null ? "\u0000" : e.detail();
		String at = e.occurredAt().truncatedTo(ChronoUnit.MICROS).toString();
		if (e.candidateIds() == null) {
			return keys.mac(keyId, String.join("\u001f", "v2", Long.toString(pos), Long.toString(e.seq()), at, e.actor(),
					candidate, e.action().name(), detail, keyId, prev));
		}
		String ids = e.candidateIds().stream().map(String::valueOf).collect(Collectors.joining(","));
		return keys.mac(keyId, String.join("\u001f", "v3", Long.toString(pos), Long.toString(e.seq()), at, e.actor(),
				candidate, ids, e.action().name(), detail, keyId, prev));
	}

	private Head head() {
		return jdbc.sql("""
				SELECT c.pos, c.hash, c.seq, e.tx FROM audit_chain c LEFT JOIN audit_entry e ON e.seq = c.seq
				ORDER BY c.pos DESC LIMIT 1""")
			.query((rs, n) -> {
				if (rs.getObject("tx") == null) {
					throw new IllegalStateException("The entry at the head of the audit chain (position "
							+ rs.getLong("pos") + ") is missing: the audit log was tampered with");
				}
				return new Head(rs.getLong("pos"), rs.getString("hash"), rs.getLong("tx"), rs.getLong("seq"));
			})
			.optional()
			.orElse(new Head(0, NO_HASH, -1, -1));
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		Array ids = rs.getArray("candidate_ids");
		return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				(Long) rs.getObject("candidate_id"), ids == null ? null : List.of((Long[]) ids.getArray()),
				AuditAction.valueOf(rs.getString("action")), rs.getString("detail"));
	}

	private record Head(long pos, String hash, long tx, long seq) {
	}

	/**
	 * One use of personal data: about one candidate ({@code candidateId}), about the candidates of a list
	 * ({@code candidateIds}, in the order shown; null otherwise), or about nobody in particular (both null).
	 */
	public record AuditEntry(long seq, Instant occurredAt, String actor, Long candidateId, List<Long> candidateIds,
			AuditAction action, String detail) {

		/** An entry about one candidate or none. */
		public AuditEntry(long seq, Instant occurredAt, String actor, Long candidateId, AuditAction action,
				String detail) {
			this(seq, occurredAt, actor, candidateId, null, action, detail);
		}

		/** The candidates the entry is about, for a page: one, the list's, or none. */
		public List<Long> candidates() {
			return candidateIds != null ? candidateIds : candidateId == null ? List.of() : List.of(candidateId);
		}
	}

	/** A search of the log; page counts from 0. */
	public record AuditQuery(Long candidateId, String actor, Instant from, Instant to, int page, int size) {
	}

	/** How the database compares with the latest checkpoint kept outside it. */
	public enum CheckpointCheck {

		/** No checkpoint file is configured: a cut tail cannot be found here (the log stream still has them). */
		NOT_CONFIGURED(true),
		/** No checkpoint has been written yet. */
		NONE_YET(true),
		/** The chain holds the checkpointed hash at the checkpointed position. */
		MATCHES(true),
		/** The checkpointed position is gone: the tail of the chain was cut. */
		MISSING(false),
		/** Retention removed the checkpointed position (at or before the latest anchor): nothing to compare. */
		PRUNED(true),
		/** The chain holds another hash at the checkpointed position: it was rewritten. */
		CHANGED(false),
		/** The latest line of the checkpoint file is no checkpoint signed with a known key. */
		FORGED(false);

		private final boolean ok;

		CheckpointCheck(boolean ok) {
			this.ok = ok;
		}

		public boolean ok() {
			return ok;
		}
	}

	/**
	 * The result of a verification: how many links were checked, the first broken position (null if none), how many
	 * entries lie before the head but outside the chain, the check against the latest checkpoint, whether the app's
	 * own database role could change the log (a setup to fix, not a sign of tampering), the last position retention
	 * removed (0 if none; the chain is checked from the next) and the first anchor that does not hold (null if all
	 * do). Serializable, as it travels in a flash attribute through the session store.
	 */
	public record Verification(long checked, Long firstBrokenSeq, long outsideChain, CheckpointCheck checkpoint,
			Long checkpointPos, Instant checkpointAt, boolean appRoleCanRewrite, long prunedThrough,
			Long forgedAnchorPos) implements Serializable {

		public boolean intact() {
			return firstBrokenSeq == null && outsideChain == 0 && checkpoint.ok() && forgedAnchorPos == null;
		}

		public Optional<Long> firstBroken() {
			return Optional.ofNullable(firstBrokenSeq);
		}
	}
}
