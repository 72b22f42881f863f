package dk.vaerdig.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

import dk.vaerdig.messaging.Addressee;
import dk.vaerdig.messaging.QueueResult;

/** The table {@code outgoing_message}: queueing, claiming for delivery, and the outcome of each attempt. */
@Repository
public class Outbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
			.sorted(java.util.Comparator.comparing(OutgoingMessage::id))
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
