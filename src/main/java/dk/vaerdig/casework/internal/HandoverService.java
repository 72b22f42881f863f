package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.CaseworkerChanged;
import dk.vaerdig.casework.NewCaseworkerRequested;
import dk.vaerdig.messaging.Messaging;
import dk.vaerdig.platform.DanishDates;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.platform.Texts;

/**
 * A caseworker change creates a handover that the new caseworker opens and acknowledges, so the candidate never has to
 * explain the case again. The candidate is told what is true at each moment: at the change, who the new caseworker is
 * and how to reach them; at the acknowledgement, that the new caseworker has now read their story and agreements. A
 * candidate may ask for a new caseworker: the request is registered and leads to an invitation to talk about it.
 */
@Service
public class HandoverService {

	public record Handover(long id, long candidateId, String fromCaseworker, String toCaseworker, String reason,
			String createdBy, Instant createdAt, Instant acknowledgedAt) {

		public boolean acknowledged() {
			return acknowledgedAt != null;
		}
	}

	public record PendingHandover(long id, long candidateId, String candidateName, String fromName, String reason,
			Instant createdAt) {
	}

	private final Candidates candidates;

	private final CaseAccess access;

	private final CandidateMessages candidateMessages;

	private final MeetingService meetings;

	private final StaffDirectory staff;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final Messaging messaging;

	HandoverService(Candidates candidates, CaseAccess access, CandidateMessages candidateMessages, MeetingService meetings,
			StaffDirectory staff, AuditLog audit, JdbcClient jdbc, ApplicationEventPublisher events,
			MessageSource messages, Clock clock, Messaging messaging) {
		this.candidates = candidates;
		this.access = access;
		this.candidateMessages = candidateMessages;
		this.meetings = meetings;
		this.staff = staff;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.messaging = messaging;
	}

	/** Gives the case to another caseworker; the version guards against two people reassigning at once. */
	@Transactional
	public Handover reassign(long candidateId, String toUsername, String reason, int version) {
		Candidate candidate = access.change(candidateId);
		if (candidate.getVersion() != version) {
			throw new OptimisticLockingFailureException("casework.candidate.changed");
		}
		StaffMember to = staff.find(toUsername)
			.filter(s -> s.teamId() != null && s.may(Permission.READ_CASES))
			.orElseThrow(() -> new IllegalArgumentException("casework.reassign.unknown"));
		String from = candidate.getCaseworker();
		candidate.reassign(to.username(), to.teamId());
		candidates.save(candidate);
		// the candidate's messages in the outbox follow the case to its team
		messaging.candidateMovedToTeam(candidateId, to.teamId());
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO handover (candidate_id, from_caseworker, to_caseworker, reason, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(candidateId, from, to.username(), reason.strip(), access.me().username(), Timestamp.from(now))
			.query(Long.class)
			.single();
		// not yet that the new caseworker has read the story: that comes when they acknowledge the handover
		candidateMessages.send(candidate, "NEW_CASEWORKER", "caseworker-changed", "caseworker-changed:handover:" + id,
				candidateMessages.text("casework.message.newCaseworker.subject"),
				candidateMessages.text("casework.message.newCaseworker", candidate.getFirstName(), to.displayName(),
						candidateMessages.howToReach(to)));
		events.publishEvent(new CaseworkerChanged(candidateId, id, from, to.username(), to.teamId(), now));
		return find(id).orElseThrow();
	}

	public Optional<Handover> find(long id) {
		return jdbc.sql("SELECT * FROM handover WHERE id = ?").param(id).query(Handover.class).optional();
	}

	public Optional<Handover> latest(long candidateId) {
		return jdbc.sql("SELECT * FROM handover WHERE candidate_id = ? ORDER BY created_at DESC LIMIT 1")
			.param(candidateId)
			.query(Handover.class)
			.optional();
	}

	/** Handovers waiting for the signed-in caseworker to acknowledge them. */
	public List<PendingHandover> pendingForMe() {
		return jdbc.sql("""
				SELECT h.id, h.candidate_id, c.first_name || ' ' || c.last_name AS candidate_name,
				       coalesce(u.display_name, h.from_caseworker) AS from_name, h.reason, h.created_at
				FROM handover h JOIN candidate c ON c.id = h.candidate_id
				LEFT JOIN staff_user u ON u.username = h.from_caseworker
				WHERE h.to_caseworker = ? AND h.acknowledged_at IS NULL ORDER BY h.created_at""")
			.param(access.me().username())
			.query(PendingHandover.class)
			.list();
	}

	/** Opens a handover to read it (audit-logged). */
	@Transactional
	public Handover open(long candidateId, long handoverId) {
		access.open(candidateId);
		Handover h = find(handoverId).filter(x -> x.candidateId() == candidateId)
			.orElseThrow(NotFoundOrNoAccess::new);
		audit.record(candidateId, AuditAction.VIEW_HANDOVER, "handover " + handoverId);
		return h;
	}

	/** The new caseworker confirms having read the handover; only they can, and only once. */
	@Transactional
	public void acknowledge(long candidateId, long handoverId) {
		Candidate candidate = access.change(candidateId);
		int updated = jdbc.sql("""
				UPDATE handover SET acknowledged_at = ?
				WHERE id = ? AND candidate_id = ? AND to_caseworker = ? AND acknowledged_at IS NULL""")
			.params(Timestamp.from(clock.instant()), handoverId, candidateId, access.me().username())
			.update();
		if (updated == 0) {
			throw new IllegalStateException("casework.handover.notYours");
		}
		StaffMember me = access.me();
		candidateMessages.send(candidate, "HANDOVER_ACKNOWLEDGED", "handover-acknowledged",
				"handover-acknowledged:handover:" + handoverId,
				candidateMessages.text("casework.message.handoverRead.subject"),
				candidateMessages.text("casework.message.handoverRead", candidate.getFirstName(), me.displayName(),
						candidateMessages.howToReach(me)));
	}

	/** A wish for a new caseworker from Min side whose talk is not planned yet, for the team's work list. */
	public record WaitingRequest(long id, long candidateId, String name, String caseworker, LocalDate requestedOn,
			String reason, LocalDate answerBy, boolean overdue) {
	}

	/**
	 * The wishes for a new caseworker sent from Min side that wait for a planned talk, of the team's cases
	 * ({@code null}: every team), the earliest answer-by day first.
	 */
	@Transactional(readOnly = true)
	public List<WaitingRequest> waitingRequests(Long team, int limit) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("""
				SELECT r.id, r.candidate_id, c.first_name || ' ' || c.last_name AS name, c.caseworker, r.requested_on,
				       r.reason, r.answer_by
				FROM caseworker_change_request r JOIN candidate c ON c.id = r.candidate_id
				WHERE r.meeting_id IS NULL AND r.answer_by IS NOT NULL AND c.course_closed_on IS NULL
				  AND (CAST(:team AS BIGINT) IS NULL OR c.team_id = :team)
				ORDER BY r.answer_by, r.id LIMIT :limit""")
			.param("team", team)
			.param("limit", limit)
			.query((rs, n) -> {
				LocalDate answerBy = rs.getObject("answer_by", LocalDate.class);
				return new WaitingRequest(rs.getLong("id"), rs.getLong("candidate_id"), rs.getString("name"),
						rs.getString("caseworker"), rs.getObject("requested_on", LocalDate.class), rs.getString("reason"),
						answerBy, answerBy.isBefore(today));
			})
			.list();
	}

	/** The waiting wish of this candidate, if {@code requestId} is one (for the form that plans its talk). */
	@Transactional(readOnly = true)
	public Optional<WaitingRequest> waitingRequest(long candidateId, long requestId) {
		return jdbc.sql("""
				SELECT r.id, r.candidate_id, '' AS name, '' AS caseworker, r.requested_on, r.reason, r.answer_by
				FROM caseworker_change_request r WHERE r.id = ? AND r.candidate_id = ? AND r.meeting_id IS NULL""")
			.params(requestId, candidateId)
			.query((rs, n) -> new WaitingRequest(rs.getLong("id"), candidateId, "", "",
					rs.getObject("requested_on", LocalDate.class), rs.getString("reason"),
					rs.getObject("answer_by", LocalDate.class), false))
			.optional();
	}

	/** Registers the candidate's wish for a new caseworker and plans a meeting to talk about it. */
	@Transactional
	public long requestNewCaseworker(long candidateId, LocalDate requestedOn, String reason, LocalDateTime talkAt,
			Locale locale) {
		return requestNewCaseworker(candidateId, requestedOn, reason, talkAt, null, locale);
	}

	/**
	 * As above; with {@code waitingId}, plans the talk of a wish the candidate sent from Min side instead of
	 * registering a new one (it leaves the work list).
	 * @throws IllegalStateException {@code casework.changeRequest.alreadyPlanned} when that wish has its talk already
	 */
	@Transactional
	public long requestNewCaseworker(long candidateId, LocalDate requestedOn, String reason, LocalDateTime talkAt,
			Long waitingId, Locale locale) {
		Candidate candidate = access.change(candidateId);
		String agenda = messages.getMessage("casework.changeRequest.agenda", null, locale);
		long id;
		Meeting meeting;
		if (waitingId != null) {
			// the row is locked first, so two members of staff planning the same wish at once plan one talk
			boolean waiting = jdbc.sql("""
					SELECT id FROM caseworker_change_request WHERE id = ? AND candidate_id = ? AND meeting_id IS NULL
					FOR UPDATE""").params(waitingId, candidateId).query(Long.class).optional().isPresent();
			if (!waiting) {
				throw new IllegalStateException("casework.changeRequest.alreadyPlanned");
			}
			meeting = meetings.plan(candidateId, talkAt, Meeting.Form.IN_PERSON, null, agenda);
			jdbc.sql("UPDATE caseworker_change_request SET meeting_id = ? WHERE id = ?")
				.params(meeting.getId(), waitingId)
				.update();
			id = waitingId;
		}
		else {
			meeting = meetings.plan(candidateId, talkAt, Meeting.Form.IN_PERSON, null, agenda);
			id = jdbc.sql("""
					INSERT INTO caseworker_change_request (candidate_id, requested_on, reason, registered_by, registered_at, meeting_id)
					VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
				.params(candidateId, requestedOn, Texts.blankToNull(reason),
						access.me().username(), Timestamp.from(clock.instant()), meeting.getId())
				.query(Long.class)
				.single();
		}
		candidateMessages.send(candidate, "CHANGE_REQUEST_INVITATION", "change-request-invitation",
				"change-request-invitation:request:" + id, candidateMessages.text("casework.message.changeRequest.subject"),
				candidateMessages.text("casework.message.changeRequest", candidate.getFirstName(),
						DanishDates.dateTime(meeting.getPlannedAt(), clock.getZone())));
		events.publishEvent(new NewCaseworkerRequested(candidateId, id, candidate.getCaseworker(), requestedOn,
				meeting.getId()));
		return id;
	}
}
