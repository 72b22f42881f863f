package dk.vaerdig.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.casework.MeetingHeld;
import dk.vaerdig.casework.internal.Agreements.Agreement;
import dk.vaerdig.casework.internal.Agreements.Responsible;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.platform.PlatformSettings;

/** Planning meetings from what was agreed last time, recording them, and the summary the candidate gets. */
@Service
public class MeetingService {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final Meetings meetings;

	private final Candidates candidates;

	private final Agreements agreements;

	private final CaseAccess access;

	private final Timeliness timeliness;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final PlatformSettings settings;

	private final Bookings bookings;

	private final AgendaItems items;

	MeetingService(AgendaItems items, Meetings meetings, Candidates candidates, Agreements agreements, CaseAccess access,
			Timeliness timeliness, AuditLog audit, ApplicationEventPublisher events, MessageSource messages, Clock clock,
			PlatformSettings settings, Bookings bookings) {
		this.bookings = bookings;
		this.items = items;
		this.meetings = meetings;
		this.candidates = candidates;
		this.agreements = agreements;
		this.access = access;
		this.timeliness = timeliness;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.settings = settings;
	}

	/** The agenda a new meeting starts with: the next step from the last meeting and the open agreements. */
	public String proposedAgenda(long candidateId, Locale locale) {
		access.open(candidateId);
		StringBuilder agenda = new StringBuilder();
		meetings.lastHeld(candidateId).filter(m -> m.getNextStep() != null).ifPresent(m -> agenda
			.append(messages.getMessage("casework.agenda.lastNextStep", new Object[] { m.getNextStep() }, locale))
			.append('\n'));
		List<Agreement> open = agreements.open(candidateId);
		if (!open.isEmpty()) {
			agenda.append(messages.getMessage("casework.agenda.openAgreements", null, locale)).append('\n');
			for (Agreement a : open) {
				String who = messages.getMessage("casework.responsible." + a.responsible(), null, locale);
				agenda.append("- ").append(a.what()).append(" (").append(who);
				if (a.dueDate() != null) {
					agenda.append(", ").append(messages.getMessage("casework.agenda.due", new Object[] { DUE.format(a.dueDate()) }, locale));
				}
				agenda.append(")\n");
				if (a.candidateDoneAt() != null) {
					agenda.append("  ").append(messages.getMessage("choices.agenda.markedDone",
							new Object[] { a.candidateDoneNote() == null ? "" : a.candidateDoneNote() }, locale)).append('\n');
				}
			}
		}
		List<AgendaItems.Item> own = items.waiting(candidateId);
		if (!own.isEmpty()) {
			agenda.append(messages.getMessage("choices.agenda.candidateItems", null, locale)).append('\n');
			own.forEach(i -> agenda.append("- ").append(i.text()).append('\n'));
		}
		agenda.append(messages.getMessage("casework.agenda.wishes", null, locale)).append('\n');
		agenda.append(messages.getMessage("casework.agenda.nextStep", null, locale));
		return agenda.toString();
	}

	@Transactional
	public Meeting plan(long candidateId, LocalDateTime at, Meeting.Form form, String place, String agenda) {
		access.change(candidateId);
		Instant when = at.atZone(settings.zone()).toInstant();
		Meeting planned = meetings.save(Meeting.plan(candidateId, access.me().username(), when, form, place, agenda));
		// the candidate's own items waiting for a meeting go to this one
		items.attach(candidateId, planned.getId());
		return planned;
	}

	public record AgreementInput(Responsible responsible, String what, LocalDate dueDate) {
	}

	/** @param heldAt when the meeting was actually held, in the municipality's time zone; never in the future */
	public record Record(LocalDateTime heldAt, String talkedAbout, String candidateWishes, String nextStep,
			LocalDate nextStepDate, List<AgreementInput> newAgreements, List<Long> completedAgreementIds, int version) {
	}

	/**
	 * Records a held meeting at the time it was actually held, its agreements and next step, sets the next due date
	 * from that day, and publishes {@link MeetingHeld}. Recording the same meeting twice (a double click) fails with
	 * {@code casework.meeting.notPlanned}; a time in the future with {@code casework.meeting.heldInFuture}.
	 */
	@Transactional
	public Meeting record(long candidateId, long meetingId, Record r) {
		return record(candidateId, meetingId, r, Map.of());
	}

	/**
	 * As {@link #record(long, long, Record)}, with what was answered to each of the candidate's own items (by item id;
	 * an item without an answer is marked as taken up all the same).
	 */
	@Transactional
	public Meeting record(long candidateId, long meetingId, Record r, Map<Long, String> answers) {
		Candidate candidate = access.change(candidateId);
		Meeting meeting = find(candidateId, meetingId);
		if (meeting.getVersion() != r.version()) {
			throw new OptimisticLockingFailureException("casework.meeting.changed");
		}
		Instant heldAt = r.heldAt().atZone(settings.zone()).toInstant();
		meeting.hold(heldAt, clock.instant(), r.talkedAbout(), r.candidateWishes(), r.nextStep(), r.nextStepDate());
		Meeting saved = meetings.save(meeting);
		agreements.complete(candidateId, r.completedAgreementIds());
		for (AgreementInput a : r.newAgreements()) {
			agreements.add(candidateId, meetingId, a.responsible(), a.what(), a.dueDate());
		}
		LocalDate heldOn = heldAt.atZone(settings.zone()).toLocalDate();
		candidate.meetingHeld(heldOn);
		// counted from the latest meeting held: recording an older meeting late does not move the due date back
		// an exemption from conversations pauses the count (Timeliness#paused)
		timeliness.dueFor(candidateId, candidate.getTargetGroupCode(), candidate.getCourseStarted(),
				candidate.getLastMeetingOn())
			.ifPresent(due -> candidate.scheduleNextMeeting(due.date(), due.rule().id()));
		candidates.save(candidate);
		items.answer(candidateId, meetingId, answers, access.me().username());
		audit.record(candidateId, AuditAction.CHANGE, "meeting " + meetingId + " recorded");
		events.publishEvent(new MeetingHeld(meetingId, candidateId, candidate.getTeamId(), meeting.getCaseworker(),
				candidate.getTargetGroupCode(), heldAt));
		return saved;
	}

	@Transactional
	public void cancel(long candidateId, long meetingId) {
		access.change(candidateId);
		Meeting meeting = find(candidateId, meetingId);
		meeting.cancel();
		meetings.save(meeting);
		bookings.meetingCancelled(meetingId);
	}

	/** A meeting of the candidate; opening it for the summary is audit-logged by the caller. */
	public Meeting find(long candidateId, long meetingId) {
		return meetings.findById(meetingId)
			.filter(m -> m.getCandidateId() == candidateId)
			.orElseThrow(NotFoundOrNoAccess::new);
	}

	@Transactional
	public Meeting openSummary(long candidateId, long meetingId) {
		access.open(candidateId);
		Meeting meeting = find(candidateId, meetingId);
		audit.record(candidateId, AuditAction.VIEW_DOCUMENT, "meeting summary " + meetingId);
		return meeting;
	}

	public List<Meeting> latest(long candidateId, int limit) {
		return meetings.latest(candidateId, limit);
	}

	public Optional<Meeting> nextPlanned(long candidateId) {
		return meetings.nextPlanned(candidateId);
	}

	public Optional<Meeting> lastHeld(long candidateId) {
		return meetings.lastHeld(candidateId);
	}
}
