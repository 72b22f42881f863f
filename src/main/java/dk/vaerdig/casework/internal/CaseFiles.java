package dk.vaerdig.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.TimelineEntry;
import dk.vaerdig.casework.TimelineSource;
import dk.vaerdig.platform.Cpr;

/** Registering candidates, opening a case (audit-logged), revealing CPR (audit-logged), notes and the timeline. */
@Service
public class CaseFiles {

	private final Candidates candidates;

	private final CaseAccess access;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Timeliness timeliness;

	private final StaffDirectory staff;

	private final Clock clock;

	private final List<TimelineSource> timelineSources;

	CaseFiles(Candidates candidates, CaseAccess access, AuditLog audit, JdbcClient jdbc, Timeliness timeliness,
			StaffDirectory staff, Clock clock, List<TimelineSource> timelineSources) {
		this.timelineSources = timelineSources;
		this.candidates = candidates;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.timeliness = timeliness;
		this.staff = staff;
		this.clock = clock;
	}

	/** A CPR number that is already registered. */
	public static class AlreadyRegistered extends RuntimeException {

		private final long existingId;

		AlreadyRegistered(long existingId) {
			super("casework.candidate.exists");
			this.existingId = existingId;
		}

		public long existingId() {
			return existingId;
		}
	}

	public record Registration(Cpr cpr, String firstName, String lastName, String phone, String email, String address,
			String targetGroupCode, LocalDate courseStarted, String caseworker) {
	}

	/** Registers a candidate; the first meeting is due under the contact rule of the target group. */
	@Transactional
	public Candidate register(Registration r) {
		access.requireChanges();
		Optional<Candidate> existing = candidates.findByCpr(r.cpr().value());
		if (existing.isPresent()) {
			throw new AlreadyRegistered(existing.get().getId());
		}
		StaffMember caseworker = staff.find(r.caseworker())
			.filter(s -> s.teamId() != null)
			.orElseThrow(() -> new IllegalArgumentException("casework.candidate.caseworker.unknown"));
		Candidate candidate = Candidate.register(r.cpr(), r.firstName(), r.lastName(), r.phone(), r.email(), r.address(),
				r.targetGroupCode(), r.courseStarted(), caseworker.username(), caseworker.teamId(), clock.instant());
		timeliness.firstMeetingDue(r.targetGroupCode(), r.courseStarted())
			.ifPresent(due -> candidate.scheduleNextMeeting(due.date(), due.rule().id()));
		try {
			Candidate saved = candidates.save(candidate);
			audit.record(saved.getId(), AuditAction.CHANGE, "registered");
			return saved;
		}
		catch (DuplicateKeyException e) {
			throw new AlreadyRegistered(candidates.findByCpr(r.cpr().value()).map(Candidate::getId).orElse(0L));
		}
	}

	/** Opens a case for reading: checks access and writes the read to the audit log. */
	@Transactional
	public Candidate view(long candidateId) {
		Candidate candidate = access.open(candidateId);
		audit.record(candidateId, AuditAction.VIEW_CASE, null);
		return candidate;
	}

	/** Opens the case with the full CPR number shown, as a logged action of its own. */
	@Transactional
	public Candidate revealCpr(long candidateId) {
		Candidate candidate = access.open(candidateId);
		audit.record(candidateId, AuditAction.REVEAL_CPR, null);
		return candidate;
	}

	/**
	 * Adds a staff note; an {@code internal} one is a working note for the job centre's own deliberation
	 * (forvaltningsloven § 23), not shown to the candidate on their own pages nor in their copy of their data.
	 */
	@Transactional
	public void addNote(long candidateId, String text, boolean internal) {
		access.change(candidateId);
		jdbc.sql("INSERT INTO case_note (candidate_id, written_by, written_at, text, internal) VALUES (?, ?, ?, ?, ?)")
			.params(candidateId, access.me().username(), Timestamp.from(clock.instant()), text.strip(), internal)
			.update();
	}

	/**
	 * The case file's own timeline entries (meetings, agreements, notes, story versions, handovers, change requests,
	 * closings, reopenings, messages, the reform's exemptions and changes of target group, what the candidate did on
	 * Min side and staff changed of it, the message thread with the candidate, the candidate's changes of how they
	 * want to be contacted, their bookings and the exemptions from self-booking) as one SELECT of
	 * {@code at, kind, text, actor} for the candidate {@code :id} (times as text in the zone {@code :zone}).
	 */
	static final String OWN_TIMELINE = """
			  SELECT coalesce(held_at, planned_at) AS at,
			         CASE status WHEN 'HELD' THEN 'MEETING_HELD' WHEN 'CANCELLED' THEN 'MEETING_CANCELLED'
			                     ELSE 'MEETING_PLANNED' END AS kind,
			         coalesce(next_step, agenda) AS text, caseworker AS actor
			  FROM meeting WHERE candidate_id = :id
			  UNION ALL
			  SELECT created_at, 'AGREEMENT', what, responsible FROM agreement WHERE candidate_id = :id
			  UNION ALL
			  SELECT written_at, CASE WHEN internal THEN 'NOTE_INTERNAL' ELSE 'NOTE' END, text, written_by
			  FROM case_note WHERE candidate_id = :id
			  UNION ALL
			  SELECT written_at, 'STORY', NULL, written_by FROM case_story WHERE candidate_id = :id
			  UNION ALL
			  SELECT h.created_at, 'HANDOVER', coalesce(f.display_name, h.from_caseworker) || ' → '
			         || coalesce(t.display_name, h.to_caseworker) || ': ' || h.reason, h.created_by
			  FROM handover h LEFT JOIN staff_user f ON f.username = h.from_caseworker
			  LEFT JOIN staff_user t ON t.username = h.to_caseworker WHERE h.candidate_id = :id
			  UNION ALL
			  SELECT registered_at, 'CHANGE_REQUEST', reason, registered_by
			  FROM caseworker_change_request WHERE candidate_id = :id
			  UNION ALL
			  SELECT closed_at, 'COURSE_CLOSED_' || outcome, to_char(closed_on, 'DD-MM-YYYY'), closed_by
			  FROM course_outcome WHERE candidate_id = :id
			  UNION ALL
			  SELECT reopened_at, 'COURSE_REOPENED_' || reopen_kind, reopen_reason, reopened_by
			  FROM course_outcome WHERE candidate_id = :id AND reopened_at IS NOT NULL
			  UNION ALL
			  SELECT created_at, 'MESSAGE' || coalesce('_' || channel, ''), body, kind FROM candidate_message
			  WHERE candidate_id = :id
			  UNION ALL
			  SELECT created_at, 'exemption.' || kind, starts_on::text || ' – ' || ends_on::text || ': ' || reason,
			         created_by
			  FROM reform_exemption WHERE candidate_id = :id
			  UNION ALL
			  SELECT ended_at, 'exemptionEnded', ended_on::text || ': ' || end_reason, ended_by
			  FROM reform_exemption WHERE candidate_id = :id AND ended_at IS NOT NULL
			  UNION ALL
			  SELECT recorded_at, 'groupChanged', from_code || ' → ' || to_code || ', ' || changed_on::text, recorded_by
			  FROM target_group_change WHERE candidate_id = :id
			  UNION ALL
			  SELECT at, kind, text, actor FROM candidate_action WHERE candidate_id = :id
			  UNION ALL
			  SELECT written_at, CASE WHEN from_candidate THEN 'CASE_MESSAGE_FROM_CANDIDATE' ELSE 'CASE_MESSAGE_FROM_STAFF' END,
			         body, written_by
			  FROM case_message WHERE candidate_id = :id
			  UNION ALL
			  SELECT changed_at, 'CONTACT_PREFERENCE_' || channel, language || coalesce(' / ' || interpreter_language, '')
			         || CASE WHEN easy_read THEN ' / easy-read' ELSE '' END, changed_by
			  FROM contact_preference_change WHERE candidate_id = :id
			  UNION ALL
			  SELECT at, 'SELVBOOK_' || action, to_char(starts_at AT TIME ZONE :zone, 'DD-MM-YYYY HH24:MI'), actor
			  FROM booking_action WHERE candidate_id = :id
			  UNION ALL
			  SELECT created_at, 'SELVBOOK_EXEMPTED_' || reason, note, created_by
			  FROM booking_exemption WHERE candidate_id = :id
			  UNION ALL
			  SELECT ended_at, 'SELVBOOK_EXEMPTION_ENDED', NULL, ended_by
			  FROM booking_exemption WHERE candidate_id = :id AND ended_at IS NOT NULL
			""";

	/** Everything that happened in the case, newest first: the case file's own entries and other modules'. */
	public List<TimelineEntry> timeline(long candidateId, int limit) {
		return timeline(candidateId, limit, jdbc.sql("SELECT * FROM (" + OWN_TIMELINE + ") t ORDER BY at DESC LIMIT :limit")
			.param("id", candidateId)
			.param("limit", limit)
			.param("zone", clock.getZone().getId())
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), "casework.timeline." + rs.getString("kind"),
					rs.getString("text"), rs.getString("actor")))
			.list());
	}

	/**
	 * The case's timeline, newest first, at most {@code limit} entries: the case file's own entries already read
	 * (newest first, at most {@code limit}, as {@link CaseFileSections} reads them) with other modules' merged in.
	 */
	public List<TimelineEntry> timeline(long candidateId, int limit, List<TimelineEntry> own) {
		List<TimelineEntry> all = new ArrayList<>(own);
		for (TimelineSource source : timelineSources) {
			all.addAll(source.entries(candidateId, limit));
		}
		all.sort(Comparator.comparing(TimelineEntry::at).reversed());
		return all.size() > limit ? all.subList(0, limit) : all;
	}
}
