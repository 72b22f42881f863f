package dk.vaerdig.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.SignedIn;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.platform.Texts;
import dk.vaerdig.platform.WorkingDays;

/**
 * What the signed-in candidate does in their own case from Min side: chooses between the offers put forward (or asks
 * for something else), prepares their next meeting with their own items, marks their own agreements done, and asks
 * for a new caseworker. As {@link OwnCourses}, the candidate is taken from the login, never from the request, and every
 * statement is limited to their own case: an id of another candidate's row answers as a missing one (404). Each action
 * goes on the case's timeline with "kandidaten" ({@link #ACTOR}) as the actor (never a member of staff's name) and in
 * the audit log; a repeated submission (the same request id) counts once; a closed course takes no actions.
 */
@Service
public class OwnActions {

	/** The actor of the candidate's own actions on the timeline and in the plan's history. */
	public static final String ACTOR = "kandidaten";

	/** The most open items a candidate may have for a meeting. */
	public static final int MOST_ITEMS = 20;

	/** Why an action was not taken; the message is a key in the reader's language. */
	public static class Refused extends RuntimeException {

		Refused(String code) {
			super(code);
		}
	}

	/** The candidate's next planned meeting, or null, and their own items for it. */
	public record Preparation(Instant meetingAt, String meetingForm, List<Item> items) {
	}

	/**
	 * One of the candidate's items; {@code editable} while its meeting has not begun.
	 */
	public record Item(long id, String text, int version, boolean editable) {
	}

	/**
	 * An open agreement as the candidate may mark it: {@code mine} when it is theirs to do (alone or together).
	 */
	public record OpenAgreement(long id, String responsible, String what, LocalDate due, Instant markedDoneAt,
			String doneNote, boolean mine) {
	}

	/** The candidate's own wish for a new caseworker that is still waiting for a change. */
	public record ChangeRequest(LocalDate requestedOn, String reason) {
	}

	private final JdbcClient jdbc;

	private final SignedIn signedIn;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final WorkingDays workingDays;

	private final CaseworkSettings settings;

	OwnActions(JdbcClient jdbc, SignedIn signedIn, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			WorkingDays workingDays, CaseworkSettings settings) {
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.settings = settings;
		this.signedIn = signedIn;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Chooses the offer {@code offerId} among those put forward (the others become not chosen), or with
	 * {@code offerId} null asks for something else than all of them, for the candidate's own reason.
	 * @throws Refused {@code choices.offer.notOpen} when nothing is put forward (any more)
	 */
	@Transactional
	public void chooseOffer(UUID requestId, Long offerId, String reason) {
		long me = openCourse();
		if (done("offer_choice", requestId, me)) {
			return;
		}
		Timestamp now = now();
		String why = reason.strip();
		int changed;
		String title = null;
		if (offerId != null) {
			title = jdbc.sql("""
					UPDATE offer SET status = 'CHOSEN', decided_at = ?, decided_by = ?, reason = ?, version = version + 1
					WHERE id = ? AND candidate_id = ? AND status = 'PROPOSED' RETURNING title""")
				.params(now, ACTOR, why, offerId, me)
				.query(String.class)
				.optional()
				.orElse(null);
			changed = title == null ? 0 : 1;
			if (changed == 1) {
				jdbc.sql("""
						UPDATE offer SET status = 'NOT_CHOSEN', decided_at = ?, decided_by = ?, version = version + 1
						WHERE candidate_id = ? AND status = 'PROPOSED'""").params(now, ACTOR, me).update();
			}
		}
		else {
			changed = jdbc.sql("""
					UPDATE offer SET status = 'DECLINED', decided_at = ?, decided_by = ?, reason = ?, version = version + 1
					WHERE candidate_id = ? AND status = 'PROPOSED'""").params(now, ACTOR, why, me).update();
		}
		if (changed == 0) {
			// two submissions at once: the second waited for the first and finds nothing left to choose
			if (done("offer_choice", requestId, me)) {
				return;
			}
			throw new Refused("choices.offer.notOpen");
		}
		jdbc.sql("""
				INSERT INTO offer_choice (candidate_id, offer_id, status, reason, decided_by, decided_at, request_id)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(me, offerId, offerId == null ? "DECLINED" : "CHOSEN", why, ACTOR, now, requestId)
			.update();
		onTimeline(me, offerId == null ? "OWN_OFFERS_DECLINED" : "OWN_OFFER_CHOSEN",
				(title == null ? "" : title + ": ") + why, ACTOR);
		audit.record(me, AuditAction.CHANGE, "min side: plan choice");
	}

	/** The next planned meeting and the candidate's own open items (for it, or for the next one to be planned). */
	@Transactional(readOnly = true)
	public Preparation preparation() {
		long me = me();
		Timestamp now = now();
		var meeting = jdbc.sql("""
				SELECT planned_at, form FROM meeting WHERE candidate_id = ? AND status = 'PLANNED' AND planned_at > ?
				ORDER BY planned_at LIMIT 1""")
			.params(me, now)
			.query((rs, n) -> new Object[] { rs.getTimestamp("planned_at").toInstant(), rs.getString("form") })
			.optional();
		List<Item> items = jdbc.sql("""
				SELECT i.id, i.text, i.version, (m.id IS NULL OR (m.status = 'PLANNED' AND m.planned_at > ?)) AS editable
				FROM meeting_agenda_item i LEFT JOIN meeting m ON m.id = i.meeting_id
				WHERE i.candidate_id = ? AND i.deleted_at IS NULL AND i.answered_at IS NULL
				  AND (m.id IS NULL OR m.status = 'PLANNED')
				ORDER BY i.added_at, i.id""")
			.params(now, me)
			.query(Item.class)
			.list();
		return new Preparation(meeting.map(m -> (Instant) m[0]).orElse(null), meeting.map(m -> (String) m[1]).orElse(null),
				items);
	}

	/**
	 * Adds an item for the next planned meeting (or, with none planned, for the next one the caseworker plans).
	 * @throws Refused {@code choices.prepare.tooMany} beyond {@value #MOST_ITEMS} open items
	 */
	@Transactional
	public void addItem(UUID requestId, String text) {
		long me = openCourse();
		if (done("meeting_agenda_item", requestId, me)) {
			return;
		}
		if (preparation().items().size() >= MOST_ITEMS) {
			throw new Refused("choices.prepare.tooMany");
		}
		Timestamp now = now();
		Long meeting = jdbc.sql("""
				SELECT id FROM meeting WHERE candidate_id = ? AND status = 'PLANNED' AND planned_at > ?
				ORDER BY planned_at LIMIT 1""").params(me, now).query(Long.class).optional().orElse(null);
		int added = jdbc.sql("""
				INSERT INTO meeting_agenda_item (candidate_id, meeting_id, text, added_at, request_id)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""")
			.params(me, meeting, text.strip(), now, requestId)
			.update();
		if (added == 1) {
			onTimeline(me, "OWN_ITEM_ADDED", text.strip(), ACTOR);
			audit.record(me, AuditAction.CHANGE, "min side: meeting item added");
		}
	}

	/**
	 * Changes the text of one of the candidate's own items, while its meeting has not begun.
	 * @throws Refused {@code choices.prepare.started} once the meeting has begun, {@code form.conflict} when the item
	 * was changed since it was shown
	 */
	@Transactional
	public void changeItem(long itemId, String text, int version) {
		long me = openCourse();
		requireEditable(me, itemId);
		int changed = jdbc.sql("""
				UPDATE meeting_agenda_item SET text = ?, changed_at = ?, version = version + 1
				WHERE id = ? AND candidate_id = ? AND version = ?""")
			.params(text.strip(), now(), itemId, me, version)
			.update();
		if (changed == 0) {
			throw new Refused("form.conflict");
		}
		onTimeline(me, "OWN_ITEM_CHANGED", text.strip(), ACTOR);
		audit.record(me, AuditAction.CHANGE, "min side: meeting item changed");
	}

	/**
	 * Takes one of the candidate's own items off the agenda, while its meeting has not begun (kept, marked deleted).
	 * Deleting it again changes nothing.
	 */
	@Transactional
	public void deleteItem(long itemId) {
		long me = openCourse();
		if (!requireEditable(me, itemId)) {
			return;
		}
		jdbc.sql("UPDATE meeting_agenda_item SET deleted_at = ? WHERE id = ? AND candidate_id = ? AND deleted_at IS NULL")
			.params(now(), itemId, me)
			.update();
		String text = jdbc.sql("SELECT text FROM meeting_agenda_item WHERE id = ?").param(itemId).query(String.class).single();
		onTimeline(me, "OWN_ITEM_DELETED", text, ACTOR);
		audit.record(me, AuditAction.CHANGE, "min side: meeting item deleted");
	}

	/** Whether the item is there to change (false: already deleted); refused when another's or its meeting began. */
	private boolean requireEditable(long me, long itemId) {
		var state = jdbc.sql("""
				SELECT i.deleted_at IS NULL AS present,
				  (i.answered_at IS NULL AND (m.id IS NULL OR (m.status = 'PLANNED' AND m.planned_at > ?))) AS editable
				FROM meeting_agenda_item i LEFT JOIN meeting m ON m.id = i.meeting_id
				WHERE i.id = ? AND i.candidate_id = ? FOR UPDATE OF i""")
			.params(now(), itemId, me)
			.query((rs, n) -> new boolean[] { rs.getBoolean("present"), rs.getBoolean("editable") })
			.optional()
			.orElseThrow(NotFoundOrNoAccess::new);
		if (!state[0]) {
			return false;
		}
		if (!state[1]) {
			throw new Refused("choices.prepare.started");
		}
		return true;
	}

	/** The candidate's open agreements, the soonest first, with their own marks. */
	@Transactional(readOnly = true)
	public List<OpenAgreement> openAgreements() {
		return jdbc.sql("""
				SELECT id, responsible, what, due_date AS due, candidate_done_at AS marked_done_at,
				  candidate_done_note AS done_note, responsible IN ('CANDIDATE', 'TOGETHER') AS mine
				FROM agreement WHERE candidate_id = ? AND status = 'OPEN' ORDER BY due_date NULLS LAST, id""")
			.param(me())
			.query(OpenAgreement.class)
			.list();
	}

	/**
	 * Marks one of the candidate's own open agreements done, with a short note, for the caseworker to see before the
	 * next meeting (the caseworker closes it). Marking it again changes nothing.
	 * @throws Refused {@code choices.agreement.notYours} for an agreement that is the job centre's to do
	 */
	@Transactional
	public void markDone(long agreementId, String note) {
		long me = openCourse();
		var row = jdbc.sql("""
				SELECT what, responsible IN ('CANDIDATE', 'TOGETHER') AS mine, candidate_done_at IS NOT NULL AS marked
				FROM agreement WHERE id = ? AND candidate_id = ? AND status = 'OPEN' FOR UPDATE""")
			.params(agreementId, me)
			.query((rs, n) -> new Object[] { rs.getString("what"), rs.getBoolean("mine"), rs.getBoolean("marked") })
			.optional()
			.orElseThrow(NotFoundOrNoAccess::new);
		if (!(Boolean) row[1]) {
			throw new Refused("choices.agreement.notYours");
		}
		if ((Boolean) row[2]) {
			return;
		}
		String text = Texts.blankToNull(note);
		jdbc.sql("UPDATE agreement SET candidate_done_at = ?, candidate_done_note = ? WHERE id = ?")
			.params(now(), text == null ? null : text.strip(), agreementId)
			.update();
		onTimeline(me, "OWN_AGREEMENT_DONE", row[0] + (text == null ? "" : ": " + text.strip()), ACTOR);
		audit.record(me, AuditAction.CHANGE, "min side: agreement marked done");
	}

	/** The candidate's own wish for a new caseworker made since their caseworker last changed, if any. */
	@Transactional(readOnly = true)
	public Optional<ChangeRequest> pendingChangeRequest() {
		long me = me();
		return jdbc.sql("""
				SELECT requested_on, reason FROM caseworker_change_request r
				WHERE candidate_id = ? AND registered_by = ? AND registered_at >
				  coalesce((SELECT max(created_at) FROM handover h WHERE h.candidate_id = r.candidate_id), '-infinity')
				ORDER BY registered_at DESC LIMIT 1""")
			.params(me, ACTOR)
			.query(ChangeRequest.class)
			.optional();
	}

	/**
	 * Registers the candidate's wish for a new caseworker, as the existing change request with {@value #ACTOR} as
	 * the one who registered it, and publishes {@link NewCaseworkerRequested} (the meeting to talk about it is still to
	 * be planned: the wish waits in the team's work list, to be answered within
	 * {@code vaerdig.casework.change-request-answer-working-days}). The reason is optional: the candidate needs to give
	 * none.
	 */
	@Transactional
	public void requestNewCaseworker(UUID requestId, String reason) {
		long me = openCourse();
		LocalDate today = LocalDate.now(clock);
		Long id = jdbc.sql("""
				INSERT INTO caseworker_change_request (candidate_id, requested_on, reason, registered_by, registered_at,
				  request_id, answer_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING id""")
			.params(me, today, Texts.blankToNull(reason) == null ? null : reason.strip(), ACTOR, now(), requestId,
					workingDays.plus(today, settings.changeRequestAnswerWorkingDays()))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return;
		}
		String caseworker = jdbc.sql("SELECT caseworker FROM candidate WHERE id = ?").param(me).query(String.class).single();
		audit.record(me, AuditAction.CHANGE, "min side: new caseworker requested");
		events.publishEvent(new NewCaseworkerRequested(me, id, caseworker, today, null));
	}

	/**
	 * Puts an action the candidate took in another module (a complaint started from Min side) on their case's timeline,
	 * with {@value #ACTOR} as the actor. {@code kind}: upper case and underscores, its label the message
	 * {@code casework.timeline.<kind>}.
	 */
	@Transactional
	public void onMyTimeline(String kind, String text) {
		onTimeline(me(), kind, text, ACTOR);
	}

	private void onTimeline(long candidateId, String kind, String text, String actor) {
		jdbc.sql("INSERT INTO candidate_action (candidate_id, at, kind, text, actor) VALUES (?, ?, ?, ?, ?)")
			.params(candidateId, now(), kind, text, actor)
			.update();
	}

	private boolean done(String table, UUID requestId, long me) {
		return requestId != null && jdbc.sql("SELECT count(*) FROM " + table + " WHERE request_id = ? AND candidate_id = ?")
			.params(requestId, me)
			.query(Long.class)
			.single() > 0;
	}

	/** The signed-in candidate, whose course must be open: a closed course takes no actions. */
	private long openCourse() {
		long me = me();
		boolean open = jdbc.sql("SELECT course_closed_on IS NULL FROM candidate WHERE id = ?")
			.param(me)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (!open) {
			throw new Refused("choices.closed");
		}
		return me;
	}

	private long me() {
		return signedIn.candidate().candidateId();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}
}
