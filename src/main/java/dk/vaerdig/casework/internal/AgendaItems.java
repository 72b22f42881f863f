package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The candidate's own items for a meeting ("det vil jeg gerne tale om", added on Min side through
 * {@link dk.vaerdig.casework.OwnActions}) as staff plan and record the meeting from them: an item added while no
 * meeting was planned goes to the next one planned; at the meeting the caseworker notes what was answered per item.
 */
@Component
public class AgendaItems {

	/** An item; {@code answer} is what the caseworker noted at the meeting, or null. */
	public record Item(long id, Long meetingId, String text, String answer, Instant addedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	AgendaItems(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The items for a meeting not yet planned (the candidate added them while none was). */
	public List<Item> waiting(long candidateId) {
		return jdbc.sql("""
				SELECT id, meeting_id, text, answer, added_at FROM meeting_agenda_item
				WHERE candidate_id = ? AND meeting_id IS NULL AND deleted_at IS NULL AND answered_at IS NULL
				ORDER BY added_at, id""")
			.param(candidateId)
			.query(Item.class)
			.list();
	}

	/** The items of a meeting, with those still waiting for one (they go to this meeting when it is recorded). */
	public List<Item> forMeeting(long candidateId, long meetingId) {
		return jdbc.sql("""
				SELECT id, meeting_id, text, answer, added_at FROM meeting_agenda_item
				WHERE candidate_id = ? AND deleted_at IS NULL AND (meeting_id = ? OR (meeting_id IS NULL AND answered_at IS NULL))
				ORDER BY added_at, id""")
			.params(candidateId, meetingId)
			.query(Item.class)
			.list();
	}

	/** The items the candidate brought to meetings that were held, with the answers. */
	public List<Item> ofMeeting(long meetingId) {
		return jdbc.sql("""
				SELECT id, meeting_id, text, answer, added_at FROM meeting_agenda_item
				WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY added_at, id""")
			.param(meetingId)
			.query(Item.class)
			.list();
	}

	/** The items waiting for a meeting go to this one, just planned. */
	void attach(long candidateId, long meetingId) {
		jdbc.sql("""
				UPDATE meeting_agenda_item SET meeting_id = ?
				WHERE candidate_id = ? AND meeting_id IS NULL AND deleted_at IS NULL AND answered_at IS NULL""")
			.params(meetingId, candidateId)
			.update();
	}

	/**
	 * The meeting is recorded: every item of it gets what was answered (an item without an answer is marked as taken up
	 * all the same), each on the timeline with the caseworker as actor.
	 */
	void answer(long candidateId, long meetingId, Map<Long, String> answers, String by) {
		attach(candidateId, meetingId);
		Timestamp now = Timestamp.from(clock.instant());
		for (Item item : forMeeting(candidateId, meetingId)) {
			if (item.answer() != null) {
				continue;
			}
			String answer = answers.get(item.id());
			String text = answer == null || answer.isBlank() ? null : answer.strip();
			jdbc.sql("""
					UPDATE meeting_agenda_item SET answer = ?, answered_by = ?, answered_at = ?
					WHERE id = ? AND candidate_id = ?""")
				.params(text, by, now, item.id(), candidateId)
				.update();
			jdbc.sql("INSERT INTO candidate_action (candidate_id, at, kind, text, actor) VALUES (?, ?, ?, ?, ?)")
				.params(candidateId, now, "ITEM_ANSWERED", item.text() + (text == null ? "" : " → " + text), by)
				.update();
		}
	}
}
