package dk.vaerdig.messaging.internal;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.QueueResult;

/** The table {@code outgoing_message}: queueing, claiming for delivery, and the outcome of each attempt. */
@Repository
public class Outbox {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	Outbox(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	/** A message to queue with {@link #queueAll}: its address already checked ({@link Addresses}). */
	public record Draft(Addressee to, Channel channel, String recipient, String subject, String body, String purpose,
			String idempotencyKey) {
	}

	/**
	 * Inserts the messages, due at once, each unless its idempotency key is taken, a thousand to a statement; joins
	 * the caller's transaction. Returns how many were new.
	 */
	public int queueAll(List<Draft> drafts) {
		int inserted = 0;
		Timestamp now = Timestamp.from(clock.instant());
		for (int from = 0; from < drafts.size(); from += 1000) {
			List<Draft> chunk = drafts.subList(from, Math.min(drafts.size(), from + 1000));
			for (Draft d : chunk) {
				Assert.notNull(d.to(), "a message needs its addressee");
				Assert.hasText(d.body(), "a message needs a text");
				Assert.isTrue(d.channel() != Channel.EMAIL || (d.subject() != null && !d.subject().isBlank()),
						"an e-mail needs a subject");
				Assert.isTrue(d.purpose() != null && d.purpose().matches("[a-z0-9-]{1,64}"),
						"purpose: lower-case words with dashes");
				Assert.hasText(d.idempotencyKey(), "a message needs an idempotency key");
			}
			Integer n = jdbcTemplate.execute((Connection con) -> {
				try (var insert = con.prepareStatement("""
						INSERT INTO outgoing_message (idempotency_key, channel, recipient, subject, body, purpose, status,
						  next_attempt_at, created_at, candidate_id, team_id)
						SELECT k, ch, r, s, b, p, 'QUEUED', ?, ?, c, t
						FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],
						  ?::bigint[]) AS x (k, ch, r, s, b, p, c, t)
						ON CONFLICT (idempotency_key) DO NOTHING""")) {
					insert.setTimestamp(1, now);
					insert.setTimestamp(2, now);
					insert.setArray(3, con.createArrayOf("text", chunk.stream().map(Draft::idempotencyKey).toArray()));
					insert.setArray(4, con.createArrayOf("text", chunk.stream().map(d -> d.channel().name()).toArray()));
					insert.setArray(5, con.createArrayOf("text", chunk.stream().map(Draft::recipient).toArray()));
					insert.setArray(6, con.createArrayOf("text", chunk.stream().map(Draft::subject).toArray()));
					insert.setArray(7, con.createArrayOf("text", chunk.stream().map(Draft::body).toArray()));
					insert.setArray(8, con.createArrayOf("text", chunk.stream().map(Draft::purpose).toArray()));
					insert.setArray(9, con.createArrayOf("bigint", chunk.stream().map(d -> d.to().candidateId()).toArray()));
					insert.setArray(10, con.createArrayOf("bigint", chunk.stream().map(d -> d.to().teamId()).toArray()));
					return insert.executeUpdate();
				}
			});
			inserted += n == null ? 0 : n;
		}
		return inserted;
	}

	/** Cancels the message if it is still queued (not yet sent); true when it was. Joins the caller's transaction. */
	public boolean cancel(String idempotencyKey) {
		return jdbc.sql("""
				UPDATE outgoing_message SET status = 'CANCELLED', next_attempt_at = NULL
				WHERE idempotency_key = ? AND status = 'QUEUED'""")
			.param(idempotencyKey)
			.update() == 1;
	}

	/** Cancels a message the dispatcher has claimed but that no longer holds, with the reason. */
	void cancelClaimed(String idempotencyKey, String reason) {
		jdbc.sql("""
				UPDATE outgoing_message SET status = 'CANCELLED', next_attempt_at = NULL, cancelled_reason = ?
				WHERE idempotency_key = ? AND status = 'QUEUED'""")
			.params(reason, idempotencyKey)
			.update();
	}

	/** Those of the keys that a message in the outbox has. */
	public Set<String> known(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbcTemplate.execute((Connection con) -> {
			try (var select = con.prepareStatement(
					"SELECT idempotency_key FROM outgoing_message WHERE idempotency_key = ANY (?)")) {
				select.setArray(1, con.createArrayOf("text", keys.toArray()));
				List<String> found = new ArrayList<>();
				try (var rs = select.executeQuery()) {
					while (rs.next()) {
						found.add(rs.getString(1));
					}
				}
				return found;
			}
		}));
	}

	/** The idempotency keys of the messages of one purpose that are still queued. */
	public List<String> queuedKeys(String purpose) {
		return jdbc.sql("SELECT idempotency_key FROM outgoing_message WHERE status = 'QUEUED' AND purpose = ?")
			.param(purpose)
			.query(String.class)
			.list();
	}

	/** Inserts the message, due at once, unless its idempotency key is taken; joins the caller's transaction. */
	public QueueResult queue(Addressee to, Channel channel, String recipient, String subject, String body,
			String purpose, String idempotencyKey) {
		Assert.notNull(to, "a message needs its addressee: the candidate, or the team that owns a message without one");
		Assert.hasText(body, "a message needs a text");
		Assert.isTrue(channel != Channel.EMAIL || (subject != null && !subject.isBlank()), "an e-mail needs a subject");
		Assert.isTrue(purpose != null && purpose.matches("[a-z0-9-]{1,64}"), "purpose: lower-case words with dashes");
		Assert.hasText(idempotencyKey, "a message needs an idempotency key");
		Timestamp now = Timestamp.from(clock.instant());
		boolean inserted = jdbc.sql("""
				INSERT INTO outgoing_message (idempotency_key, channel, recipient, subject, body, purpose, status,
				  next_attempt_at, created_at, candidate_id, team_id)
				VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""")
			.params(idempotencyKey, channel.name(), recipient, subject, body, purpose, now, now, to.candidateId(),
					to.teamId())
			.update() == 1;
		return inserted ? QueueResult.QUEUED : QueueResult.ALREADY_QUEUED;
	}

	/**
	 * Takes up to {@code limit} messages that are due, counts the attempt and moves their next attempt to
	 * {@code claimUntil}, in one statement: another run (another node, or this one after a crash) sees them again only
	 * after that, and two runs at the same time never take the same message.
	 */
	List<OutgoingMessage> claimDue(int limit, Instant claimUntil) {
		return jdbc.sql("""
				UPDATE outgoing_message SET attempts = attempts + 1, next_attempt_at = ?
				WHERE id IN (SELECT id FROM outgoing_message WHERE status = 'QUEUED' AND next_attempt_at <= ?
				  ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING *""")
			.params(Timestamp.from(claimUntil), Timestamp.from(clock.instant()), limit)
			.query(OutgoingMessage.class)
			.list()
			.stream()
			.sorted(Comparator.comparing(OutgoingMessage::id))
			.toList();
	}

	void sent(long id, String via) {
		jdbc.sql("""
				UPDATE outgoing_message SET status = 'SENT', sent_at = ?, sent_via = ?, next_attempt_at = NULL
				WHERE id = ?""")
			.params(Timestamp.from(clock.instant()), via, id)
			.update();
	}

	void retryAt(long id, Instant next, String error) {
		jdbc.sql("UPDATE outgoing_message SET next_attempt_at = ?, last_error = ? WHERE id = ?")
			.params(Timestamp.from(next), error, id)
			.update();
	}

	void failed(long id, String error) {
		jdbc.sql("UPDATE outgoing_message SET status = 'FAILED', next_attempt_at = NULL, last_error = ? WHERE id = ?")
			.params(error, id)
			.update();
	}

	/** The candidate's messages belong to their new team from now on. */
	public void moveCandidate(long candidateId, long teamId) {
		jdbc.sql("UPDATE outgoing_message SET team_id = ? WHERE candidate_id = ? AND team_id IS DISTINCT FROM ?")
			.params(teamId, candidateId, teamId)
			.update();
	}

	/**
	 * The newest messages, of one purpose or (null) all, of one team (its candidates' and those it owns) or, with
	 * {@code team} null, of every team.
	 */
	public List<OutgoingMessage> latest(String purpose, Long team, int limit) {
		return jdbc.sql("""
				SELECT * FROM outgoing_message
				WHERE (CAST(:purpose AS TEXT) IS NULL OR purpose = :purpose)
				  AND (CAST(:team AS BIGINT) IS NULL OR team_id = :team)
				ORDER BY id DESC LIMIT :limit""")
			.param("purpose", purpose)
			.param("team", team)
			.param("limit", limit)
			.query(OutgoingMessage.class)
			.list();
	}

	/** A message; whether the signed-in user may read it is the caller's to check. */
	public Optional<OutgoingMessage> find(long id) {
		return jdbc.sql("SELECT * FROM outgoing_message WHERE id = ?").param(id).query(OutgoingMessage.class).optional();
	}

	/** The purposes of the messages of one team (or, null, of every team), for filtering the outbox page. */
	public List<String> purposes(Long team) {
		return jdbc.sql("""
				SELECT DISTINCT purpose FROM outgoing_message WHERE CAST(:team AS BIGINT) IS NULL OR team_id = :team
				ORDER BY purpose""")
			.param("team", team)
			.query(String.class)
			.list();
	}
}
