package dk.vaerdig.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.SignedIn;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;

/**
 * What the signed-in candidate did themselves on Min side, and what was sent to them, for their copy of their data
 * (GDPR art. 15): every booking, move and cancellation, every choice between offers and every change of one, their own
 * items for meetings (open, answered and deleted), the agreements they marked done with their note, and the SMS and
 * e-mails sent to them (the reminders among them). As {@link OwnCaseFile}, the candidate is taken from the login
 * ({@link SignedIn#candidate()}), never from the request; a member of staff is refused with 403. The caller records
 * the read in the audit log.
 */
@Service
@Transactional(readOnly = true)
public class OwnActivity {

	/**
	 * A booking action: {@code BOOKED}, {@code MOVED} or {@code CANCELLED}, of the meeting that starts at
	 * {@code meetingAt}; {@code byYou} when the candidate did it on Min side.
	 */
	public record Booking(Instant at, String action, Instant meetingAt, String form, String place, boolean byYou) {
	}

	/**
	 * A choice between offers or a change of one: {@code offer} the offer's title, or null where the candidate asked
	 * for something else; {@code decidedBy} {@value OwnActions#ACTOR} or the name of the member of staff;
	 * {@code changedFrom} the earlier status where staff changed the choice, with their reason.
	 */
	public record OfferChoice(Instant at, String offer, String status, String reason, String decidedBy,
			String changedFrom, String changeReason) {

		public boolean byYou() {
			return OwnActions.ACTOR.equals(decidedBy);
		}
	}

	/** One of the candidate's own items for a meeting, with the answer given at it, or null; deleted ones too. */
	public record OwnItem(Instant addedAt, String text, Instant meetingAt, String answer, Instant answeredAt,
			Instant deletedAt) {
	}

	/** An agreement the candidate marked done, with their note, and its status now (the caseworker closes it). */
	public record DoneAgreement(String what, LocalDate due, Instant markedDoneAt, String note, String status) {
	}

	/**
	 * An SMS or e-mail to the candidate: {@code purpose} says what for ({@code meeting-reminder},
	 * {@code agreement-reminder}, {@code case-message}, …); {@code status} {@code QUEUED}, {@code SENT},
	 * {@code FAILED} or {@code CANCELLED} (a reminder of a meeting that was moved or cancelled).
	 */
	public record SentMessage(Instant createdAt, Instant sentAt, String channel, String purpose, String status,
			String text) {
	}

	private final JdbcClient jdbc;

	private final SignedIn signedIn;

	private final StaffDirectory staff;

	OwnActivity(JdbcClient jdbc, SignedIn signedIn, StaffDirectory staff) {
		this.jdbc = jdbc;
		this.signedIn = signedIn;
		this.staff = staff;
	}

	/** Every booking, move and cancellation, the newest first. */
	public List<Booking> bookings() {
		return jdbc.sql("""
				SELECT a.at, a.action, a.starts_at, s.form, s.place, a.actor FROM booking_action a
				JOIN booking_slot s ON s.id = a.slot_id WHERE a.candidate_id = ? ORDER BY a.at DESC, a.id DESC""")
			.param(me())
			.query((rs, n) -> new Booking(rs.getTimestamp("at").toInstant(), rs.getString("action"),
					rs.getTimestamp("starts_at").toInstant(), rs.getString("form"), rs.getString("place"),
					OwnActions.ACTOR.equals(rs.getString("actor"))))
			.list();
	}

	/** Every choice between offers and every change of one, the newest first. */
	public List<OfferChoice> offerChoices() {
		return jdbc.sql("""
				SELECT c.decided_at, o.title, c.status, c.reason, c.decided_by, c.changed_from, c.change_reason
				FROM offer_choice c LEFT JOIN offer o ON o.id = c.offer_id
				WHERE c.candidate_id = ? ORDER BY c.decided_at DESC, c.id DESC""")
			.param(me())
			.query((rs, n) -> new OfferChoice(rs.getTimestamp("decided_at").toInstant(), rs.getString("title"),
					rs.getString("status"), rs.getString("reason"), name(rs.getString("decided_by")),
					rs.getString("changed_from"), rs.getString("change_reason")))
			.list();
	}

	/** The candidate's own items for meetings, the newest first: open, answered and deleted. */
	public List<OwnItem> items() {
		return jdbc.sql("""
				SELECT i.added_at, i.text, coalesce(m.held_at, m.planned_at) AS meeting_at, i.answer, i.answered_at,
				  i.deleted_at
				FROM meeting_agenda_item i LEFT JOIN meeting m ON m.id = i.meeting_id
				WHERE i.candidate_id = ? ORDER BY i.added_at DESC, i.id DESC""")
			.param(me())
			.query((rs, n) -> new OwnItem(rs.getTimestamp("added_at").toInstant(), rs.getString("text"),
					instant(rs.getTimestamp("meeting_at")), rs.getString("answer"),
					instant(rs.getTimestamp("answered_at")), instant(rs.getTimestamp("deleted_at"))))
			.list();
	}

	/** The agreements the candidate marked done, the newest mark first. */
	public List<DoneAgreement> agreementsDone() {
		return jdbc.sql("""
				SELECT what, due_date, candidate_done_at, candidate_done_note, status FROM agreement
				WHERE candidate_id = ? AND candidate_done_at IS NOT NULL ORDER BY candidate_done_at DESC, id DESC""")
			.param(me())
			.query((rs, n) -> new DoneAgreement(rs.getString("what"), rs.getObject("due_date", LocalDate.class),
					rs.getTimestamp("candidate_done_at").toInstant(), rs.getString("candidate_done_note"),
					rs.getString("status")))
			.list();
	}

	/**
	 * The SMS and e-mails to the candidate that the outbox still holds (sent ones are deleted after 30 days), the
	 * newest first: the reminders of meetings and agreements, the notices of new messages, survey invitations.
	 */
	public List<SentMessage> sentToYou() {
		return jdbc.sql("""
				SELECT created_at, sent_at, channel, purpose, status, body FROM outgoing_message
				WHERE candidate_id = ? ORDER BY created_at DESC, id DESC""")
			.param(me())
			.query((rs, n) -> new SentMessage(rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("sent_at")), rs.getString("channel"), rs.getString("purpose"),
					rs.getString("status"), rs.getString("body")))
			.list();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private long me() {
		return signedIn.candidate().candidateId();
	}

	private String name(String username) {
		if (username == null || OwnActions.ACTOR.equals(username)) {
			return username;
		}
		return staff.find(username).map(StaffMember::displayName).orElse(username);
	}
}
