package dk.vaerdig.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
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
			throw new org.springframework.dao.OptimisticLockingFailureException("casework.candidate.changed");
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
			.params(candidateId, from, to.username(), reason.strip(), access.me().username(), java.sql.Timestamp.from(now))
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
			.orElseThrow(dk.vaerdig.platform.NotFoundOrNoAccess::new);
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
			.params(java.sql.Timestamp.from(clock.instant()), handoverId, candidateId, access.me().username())
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

	/** Registers the candidate's wish for a new caseworker and plans a meeting to talk about it. */
	@Transactional
	public long requestNewCaseworker(long candidateId, LocalDate requestedOn, String reason, LocalDateTime talkAt,
			Locale locale) {
		Candidate candidate = access.change(candidateId);
		String agenda = messages.getMessage("casework.changeRequest.agenda", null, locale);
		Meeting meeting = meetings.plan(candidateId, talkAt, Meeting.Form.IN_PERSON, null, agenda);
		long id = jdbc.sql("""
				INSERT INTO caseworker_change_request (candidate_id, requested_on, reason, registered_by, registered_at, meeting_id)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(candidateId, requestedOn, Texts.blankToNull(reason),
					access.me().username(), java.sql.Timestamp.from(clock.instant()), meeting.getId())
			.query(Long.class)
			.single();
		candidateMessages.send(candidate, "CHANGE_REQUEST_INVITATION", "change-request-invitation",
				"change-request-invitation:request:" + id, candidateMessages.text("casework.message.changeRequest.subject"),
				candidateMessages.text("casework.message.changeRequest", candidate.getFirstName(),
						dk.vaerdig.platform.DanishDates.dateTime(meeting.getPlannedAt(), clock.getZone())));
		events.publishEvent(new NewCaseworkerRequested(candidateId, id, candidate.getCaseworker(), requestedOn,
				meeting.getId()));
		return id;
	}
}
