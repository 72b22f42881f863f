package dk.vaerdig.letters.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.letters.DeliveryChannel;
import dk.vaerdig.letters.OutgoingLetter;
import dk.vaerdig.platform.DanishDates;

/** The development channel: stores each letter in {@code letter_outbox}, to read at {@code /letters/outbox}. */
@Component
public class OutboxChannel implements DeliveryChannel {

	public record Stored(long id, long letterId, long candidateId, String subject, String body, Instant storedAt) {

		public String storedAtText() {
			return DanishDates.dateTime(storedAt, ZoneId.of("Europe/Copenhagen"));
		}
	}

	private final JdbcClient jdbc;

	OutboxChannel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "outbox";
	}

	@Override
	public void deliver(OutgoingLetter letter) {
		jdbc.sql("INSERT INTO letter_outbox (letter_id, candidate_id, subject, body) VALUES (?, ?, ?, ?)")
			.params(letter.letterId(), letter.candidateId(), letter.subject(), letter.body())
			.update();
	}

	/** The newest letters {@code sentBy} sent. */
	public List<Stored> latest(int limit, String sentBy) {
		return jdbc.sql("""
				SELECT o.* FROM letter_outbox o JOIN letter_sent s ON s.id = o.letter_id
				WHERE s.sent_by = ? ORDER BY o.id DESC LIMIT ?""")
			.params(sentBy, limit).query(OutboxChannel::map).list();
	}

	/** A stored letter; whether the signed-in user may read it is the caller's to check (by the candidate's case). */
	public Optional<Stored> find(long id) {
		return jdbc.sql("SELECT o.* FROM letter_outbox o WHERE o.id = ?").param(id).query(OutboxChannel::map).optional();
	}

	private static Stored map(ResultSet rs, int n) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getLong("letter_id"), rs.getLong("candidate_id"), rs.getString("subject"),
				rs.getString("body"), rs.getTimestamp("stored_at").toInstant());
	}
}
