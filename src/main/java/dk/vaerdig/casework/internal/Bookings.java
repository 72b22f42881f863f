package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.CandidateIdentity;
import dk.vaerdig.casework.internal.BookingRules.Window;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/**
 * Selvbook from the candidate's side: the free slots in their window (their caseworker's own and their team's), and
 * booking, moving and cancelling one. Every method takes the candidate's id, which the published API
 * ({@link dk.vaerdig.casework.OwnBookings}) takes from the login, never from the request.
 * <p>
 * A booking plans a real meeting (the {@code meeting} table, as the caseworker's meeting planning does), and a
 * cancellation cancels it. A slot is taken by a conditional {@code UPDATE ... WHERE status = 'FREE'}: of two
 * candidates racing for one slot the first to commit gets it, the other is told ({@link Taken}) and nothing of theirs
 * is kept. The candidate's own row is locked for the transaction, so their double click is serialised and the
 * second submit of a form (its request id is kept in {@code booking_action}) is answered as already done.
 */
@Service
public class Bookings {

	/** The actor of the candidate's own actions on the case's timeline. */
	public static final String ACTOR = "kandidaten";

	public enum Outcome {
		BOOKED, MOVED, CANCELLED, ALREADY_DONE
	}

	/** The slot was taken by someone else (or withdrawn) between the page and the click. */
	public static class Taken extends RuntimeException {

		Taken() {
			super("selvbook.taken");
		}
	}

	/** A rule refuses the action; the message key says which. */
	public static class Refused extends RuntimeException {

		Refused(String messageKey) {
			super(messageKey);
		}
	}

	/** The candidate as Selvbook needs them. */
	public record Booker(long id, String targetGroupCode, long teamId, String caseworker, LocalDate courseClosedOn) {
	}

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final BookingRules rules;

	private final BookingExemptions exemptions;

	private final AuditLog audit;

	private final Clock clock;

	Bookings(JdbcClient jdbc, Meetings meetings, BookingRules rules, BookingExemptions exemptions, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.rules = rules;
		this.exemptions = exemptions;
		this.audit = audit;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	public Optional<Booker> booker(long candidateId) {
		return jdbc.sql("SELECT id, target_group_code, team_id, caseworker, course_closed_on FROM candidate WHERE id = ?")
			.param(candidateId)
			.query(Booker.class)
			.optional();
	}

	/** The window the candidate may book in today, if their group has a rule. */
	public Optional<Window> window(Booker booker) {
		return rules.windowOn(booker.targetGroupCode(), LocalDate.now(clock));
	}

	/** The free slots the candidate may book now, the soonest first, at most {@code limit}. */
	public List<BookingSlot> freeSlots(Booker booker, int limit) {
		Optional<Window> window = window(booker);
		if (window.isEmpty()) {
			return List.of();
		}
		Instant from = window.get().from().isAfter(now()) ? window.get().from() : now();
		return jdbc.sql("""
				SELECT * FROM booking_slot
				WHERE status = 'FREE' AND starts_at >= :from AND starts_at < :until
				  AND ((for_team AND team_id = :team) OR (NOT for_team AND caseworker = :caseworker))
				ORDER BY starts_at, id LIMIT :limit""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(window.get().until()))
			.param("team", booker.teamId())
			.param("caseworker", booker.caseworker())
			.param("limit", limit)
			.query(BookingSlot.class)
			.list();
	}

	/** The candidate's booked slots that have not begun yet, the soonest first. */
	public List<BookingSlot> upcoming(long candidateId) {
		return jdbc.sql("""
				SELECT * FROM booking_slot WHERE candidate_id = ? AND status = 'BOOKED' AND starts_at > ?
				ORDER BY starts_at""")
			.params(candidateId, Timestamp.from(now()))
			.query(BookingSlot.class)
			.list();
	}

	/** One of the candidate's own booked slots (past or not); another's, or none, answers as not found. */
	public BookingSlot own(long candidateId, long slotId) {
		return jdbc.sql("SELECT * FROM booking_slot WHERE id = ? AND candidate_id = ? AND status = 'BOOKED'")
			.params(slotId, candidateId)
			.query(BookingSlot.class)
			.optional()
			.orElseThrow(NotFoundOrNoAccess::new);
	}

	/** Until when the candidate may move or cancel the booked slot themselves, or null when their group has no rule. */
	public Instant changeBy(Booker booker, BookingSlot slot) {
		return rules.ruleOn(booker.targetGroupCode(), LocalDate.now(clock))
			.map(r -> slot.startsAt().minus(Duration.ofHours(r.changeLimitHours())))
			.orElse(null);
	}

	/** Whether the candidate may still move or cancel the booked slot themselves (else they phone). */
	public boolean mayChange(Booker booker, BookingSlot slot) {
		return rules.ruleOn(booker.targetGroupCode(), LocalDate.now(clock))
			.map(r -> rules.mayChange(r, slot.startsAt(), now()))
			.orElse(false);
	}

	/**
	 * Books the slot, or moves the booking {@code moveFrom} to it.
	 * @throws Taken when another candidate got the slot first, or it was withdrawn
	 * @throws Refused when a rule refuses it (exempt, outside the window, too late to move, already booked)
	 */
	@Transactional
	public Outcome book(long candidateId, long slotId, Long moveFrom, UUID requestId) {
		Booker booker = lock(candidateId);
		if (done(requestId)) {
			return Outcome.ALREADY_DONE;
		}
		if (exemptions.inForce(candidateId).isPresent()) {
			throw new Refused("selvbook.refused.exempt");
		}
		Window window = window(booker).orElseThrow(() -> new Refused("selvbook.refused.noRule"));
		BookingSlot slot = jdbc.sql("SELECT * FROM booking_slot WHERE id = ?")
			.param(slotId)
			.query(BookingSlot.class)
			.optional()
			.filter(s -> s.forTeam() ? s.teamId() == booker.teamId() : s.caseworker().equals(booker.caseworker()))
			.orElseThrow(NotFoundOrNoAccess::new);
		if (!slot.free()) {
			throw new Taken();
		}
		if (!window.contains(slot.startsAt()) || !slot.startsAt().isAfter(now())) {
			throw new Refused("selvbook.refused.outsideWindow");
		}
		BookingSlot old = null;
		if (moveFrom != null) {
			old = own(candidateId, moveFrom);
			if (!rules.mayChange(window.rule(), old.startsAt(), now())) {
				throw new Refused("selvbook.refused.tooLate");
			}
		}
		else if (!upcoming(candidateId).isEmpty()) {
			throw new Refused("selvbook.refused.alreadyBooked");
		}
		Meeting meeting = meetings.save(Meeting.plan(candidateId, slot.caseworker(), slot.startsAt(),
				Meeting.Form.valueOf(slot.form()), slot.place(), null));
		int taken = jdbc.sql("""
				UPDATE booking_slot SET status = 'BOOKED', candidate_id = ?, meeting_id = ?, booked_at = ?,
				  version = version + 1
				WHERE id = ? AND status = 'FREE' AND starts_at > ?""")
			.params(candidateId, meeting.getId(), Timestamp.from(now()), slotId, Timestamp.from(now()))
			.update();
		if (taken == 0) {
			throw new Taken();
		}
		if (old != null) {
			release(candidateId, old);
		}
		Outcome outcome = old == null ? Outcome.BOOKED : Outcome.MOVED;
		log(requestId, candidateId, outcome == Outcome.BOOKED ? "BOOKED" : "MOVED", slot);
		return outcome;
	}

	/**
	 * Cancels the candidate's booking of the slot and the meeting it planned; the slot is free again.
	 * @throws Refused when it is too late to cancel (the candidate phones instead)
	 */
	@Transactional
	public Outcome cancel(long candidateId, long slotId, UUID requestId) {
		Booker booker = lock(candidateId);
		if (done(requestId)) {
			return Outcome.ALREADY_DONE;
		}
		BookingSlot slot = own(candidateId, slotId);
		if (!mayChange(booker, slot)) {
			throw new Refused("selvbook.refused.tooLate");
		}
		release(candidateId, slot);
		log(requestId, candidateId, "CANCELLED", slot);
		return Outcome.CANCELLED;
	}

	private void release(long candidateId, BookingSlot slot) {
		meetings.findById(slot.meetingId()).filter(m -> m.getStatus() == Meeting.Status.PLANNED).ifPresent(m -> {
			m.cancel();
			meetings.save(m);
		});
		int freed = jdbc.sql("""
				UPDATE booking_slot SET status = 'FREE', candidate_id = NULL, meeting_id = NULL, booked_at = NULL,
				  version = version + 1
				WHERE id = ? AND candidate_id = ? AND status = 'BOOKED'""")
			.params(slot.id(), candidateId)
			.update();
		if (freed == 0) {
			throw new NotFoundOrNoAccess();
		}
	}

	/** Locks the candidate's row for this transaction (their own submits one at a time); a closed course is refused. */
	private Booker lock(long candidateId) {
		Booker booker = jdbc.sql("""
				SELECT id, target_group_code, team_id, caseworker, course_closed_on FROM candidate WHERE id = ?
				FOR NO KEY UPDATE""")
			.param(candidateId)
			.query(Booker.class)
			.optional()
			.orElseThrow(NotFoundOrNoAccess::new);
		if (booker.courseClosedOn() != null) {
			throw new Refused("selvbook.refused.closed");
		}
		return booker;
	}

	private boolean done(UUID requestId) {
		return jdbc.sql("SELECT count(*) FROM booking_action WHERE request_id = ?").param(requestId).query(Long.class)
			.single() > 0;
	}

	private void log(UUID requestId, long candidateId, String action, BookingSlot slot) {
		jdbc.sql("""
				INSERT INTO booking_action (request_id, candidate_id, action, slot_id, starts_at, actor, at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(requestId, candidateId, action, slot.id(), Timestamp.from(slot.startsAt()), ACTOR,
					Timestamp.from(now()))
			.update();
		audit.append(CandidateIdentity.ACTOR_PREFIX + candidateId, candidateId, AuditAction.CHANGE,
				"selvbook: " + action.toLowerCase(Locale.ROOT) + " slot " + slot.id());
	}

	/** A meeting cancelled by staff frees the slot it was booked in. */
	@Transactional
	public void meetingCancelled(long meetingId) {
		jdbc.sql("""
				UPDATE booking_slot SET status = 'FREE', candidate_id = NULL, meeting_id = NULL, booked_at = NULL,
				  version = version + 1
				WHERE meeting_id = ? AND status = 'BOOKED'""")
			.param(meetingId)
			.update();
	}
}
