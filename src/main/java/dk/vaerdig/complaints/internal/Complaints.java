package dk.vaerdig.complaints.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.CandidateSummary;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.OwnActions;
import dk.vaerdig.complaints.ComplaintSettings;
import dk.vaerdig.letters.Letters;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.platform.WorkingDays;

/**
 * Registering complaints and taking them through reassessment, forwarding and Ankestyrelsen's result. Transitions are
 * guarded (an illegal one throws), and the version guards against two handlers at once.
 */
@Service
public class Complaints {

	public enum Channel {
		LETTER, EMAIL, PHONE, IN_PERSON, PORTAL
	}

	public enum Outcome {
		UPHELD_FULLY, UPHELD_PARTLY, NOT_UPHELD
	}

	public enum AppealsResult {
		UPHELD, CHANGED, ANNULLED, SENT_BACK
	}

	public record Complaint(long id, long candidateId, long teamId, Channel channel, LocalDate receivedOn,
			String decisionRef, LocalDate decisionReceivedOn, LocalDate complaintDeadline, boolean late, String lateReason,
			String whatCandidateSays, long categoryId, LocalDate reassessBy, LocalDate forwardBy, String status,
			Outcome outcome, String reassessment, LocalDate reassessedOn, LocalDate forwardedOn,
			AppealsResult appealsResult, LocalDate appealsResultOn, int version) {
	}

	public record Category(long id, Long parentId, String name) {
	}

	public record Registration(long candidateId, Channel channel, LocalDate receivedOn, String decisionRef,
			LocalDate decisionReceivedOn, String whatCandidateSays, long categoryId, String lateReason,
			boolean notADuplicate) {
	}

	/** Why a registration was not saved (yet): a possible duplicate to confirm, or a late complaint needing a reason. */
	public static class NotRegistered extends RuntimeException {

		private final transient Long existingId;

		private final transient LocalDate deadline;

		NotRegistered(String code, Long existingId, LocalDate deadline) {
			super(code);
			this.existingId = existingId;
			this.deadline = deadline;
		}

		public Long existingId() {
			return existingId;
		}

		public LocalDate deadline() {
			return deadline;
		}
	}

	private final JdbcClient jdbc;

	private final Casework casework;

	private final StaffDirectory staff;

	private final WorkingDays workingDays;

	private final ComplaintSettings settings;

	private final Clock clock;

	private final Letters letters;

	Complaints(JdbcClient jdbc, Casework casework, StaffDirectory staff, WorkingDays workingDays,
			ComplaintSettings settings, Clock clock, Letters letters) {
		this.letters = letters;
		this.jdbc = jdbc;
		this.casework = casework;
		this.staff = staff;
		this.workingDays = workingDays;
		this.settings = settings;
		this.clock = clock;
	}

	public List<Category> categories(Locale locale) {
		String name = "en".equals(locale.getLanguage()) ? "name_en" : "name_da";
		return jdbc.sql("SELECT id, parent_id, " + name + " AS name FROM complaint_category WHERE active ORDER BY coalesce(parent_id, id), parent_id NULLS FIRST, id")
			.query(Category.class)
			.list();
	}

	/** All categories, inactive ones too, for the page where complaint handlers edit the tree. */
	public List<Category> allCategories(Locale locale) {
		String name = "en".equals(locale.getLanguage()) ? "name_en" : "name_da";
		return jdbc.sql("SELECT id, parent_id, " + name + " AS name FROM complaint_category ORDER BY coalesce(parent_id, id), parent_id NULLS FIRST, id")
			.query(Category.class)
			.list();
	}

	public boolean categoryActive(long id) {
		return jdbc.sql("SELECT active FROM complaint_category WHERE id = ?").param(id).query(Boolean.class).optional().orElse(false);
	}

	/** Adds a category, at the top or under a top-level category (the tree has two levels). */
	@Transactional
	public void addCategory(Long parentId, String nameDa, String nameEn) {
		if (parentId != null && jdbc.sql("SELECT count(*) FROM complaint_category WHERE id = ? AND parent_id IS NULL")
			.param(parentId).query(Long.class).single() == 0) {
			throw new IllegalArgumentException("complaints.category.parentInvalid");
		}
		jdbc.sql("INSERT INTO complaint_category (parent_id, name_da, name_en) VALUES (?, ?, ?)")
			.params(parentId, nameDa.strip(), nameEn == null || nameEn.isBlank() ? nameDa.strip() : nameEn.strip())
			.update();
	}

	/** Renames a category; complaints keep it, and the report shows the new name. */
	@Transactional
	public void renameCategory(long id, String nameDa, String nameEn) {
		jdbc.sql("UPDATE complaint_category SET name_da = ?, name_en = ? WHERE id = ?")
			.params(nameDa.strip(), nameEn == null || nameEn.isBlank() ? nameDa.strip() : nameEn.strip(), id)
			.update();
	}

	/** Takes a category out of use for new complaints (or back into use); complaints already registered keep it. */
	@Transactional
	public void setCategoryActive(long id, boolean active) {
		jdbc.sql("UPDATE complaint_category SET active = ? WHERE id = ?").params(active, id).update();
	}

	/** A registered complaint, and whether its acknowledgement letter went out. */
	public record Registered(long id, boolean acknowledged) {
	}

	/**
	 * Registers a complaint with its deadlines and sends the candidate the acknowledgement letter. The complaint stands
	 * even when the letter cannot be merged (the candidate's caseworker has no phone or e-mail on record): then
	 * {@link Registered#acknowledged()} is false and the handler is told to send it another way.
	 */
	@Transactional
	public Registered register(Registration r) {
		CandidateSummary candidate = casework.open(r.candidateId(), "complaint registered");
		LocalDate deadline = ComplaintDeadlines.fourWeeksAfter(r.decisionReceivedOn(), workingDays);
		boolean late = r.receivedOn().isAfter(deadline);
		if (late && (r.lateReason() == null || r.lateReason().isBlank())) {
			throw new NotRegistered("complaints.register.lateReasonNeeded", null, deadline);
		}
		if (!r.notADuplicate()) {
			Optional<Long> existing = jdbc.sql("""
					SELECT id FROM complaint WHERE candidate_id = ? AND lower(decision_ref) = lower(?)
					ORDER BY id LIMIT 1""")
				.params(r.candidateId(), r.decisionRef().strip())
				.query(Long.class)
				.optional();
			if (existing.isPresent()) {
				throw new NotRegistered("complaints.register.duplicate", existing.get(), deadline);
			}
		}
		LocalDate reassessBy = workingDays.plus(r.receivedOn(), settings.reassessmentWorkingDays());
		LocalDate forwardBy = ComplaintDeadlines.fourWeeksAfter(r.receivedOn(), workingDays);
		long id = jdbc.sql("""
				INSERT INTO complaint (candidate_id, team_id, channel, received_on, decision_ref, decision_received_on,
				  complaint_deadline, late, late_reason, what_candidate_says, category_id, reassess_by, forward_by, status,
				  registered_by, registered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?) RETURNING id""")
			.params(r.candidateId(), candidate.teamId(), r.channel().name(), r.receivedOn(), r.decisionRef().strip(),
					r.decisionReceivedOn(), deadline, late, late ? r.lateReason().strip() : null, r.whatCandidateSays().strip(),
					r.categoryId(), reassessBy, forwardBy, staff.currentStaff().username(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		// the candidate gets an acknowledgement from the approved template, in plain Danish (or English, where it has it)
		boolean acknowledged = letters.trySend("complaint-received", r.candidateId(),
				Map.of("afgørelse", r.decisionRef().strip(), "modtaget", r.receivedOn(), "svarfrist", reassessBy,
						"ankestyrelsen_frist", forwardBy),
				UUID.nameUUIDFromBytes(("complaint-received:" + id).getBytes(StandardCharsets.UTF_8)))
			.isPresent();
		return new Registered(id, acknowledged);
	}

	/**
	 * A complaint the candidate starts on Min side (channel {@link Channel#PORTAL}), received today, with the deadlines
	 * of {@link #register}: the complaint deadline from the day the decision was received, the municipality's own
	 * reassessment deadline and the one for sending it on to Ankestyrelsen. No reasons are needed; a late complaint
	 * needs the candidate's word on why (as the handler's form does). Once per {@code requestId}.
	 * @return the complaint's id (the first one's for a repeated request)
	 */
	@Transactional
	public long registerFromCandidate(UUID requestId, long candidateId, long teamId, String decisionRef,
			LocalDate decisionReceivedOn, String whatCandidateSays, String lateReason) {
		Optional<Long> earlier = byRequest(requestId, candidateId);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		LocalDate today = LocalDate.now(clock);
		if (decisionReceivedOn.isAfter(today)) {
			throw new NotRegistered("choices.complaint.decisionInFuture", null, null);
		}
		LocalDate deadline = ComplaintDeadlines.fourWeeksAfter(decisionReceivedOn, workingDays);
		boolean late = today.isAfter(deadline);
		if (late && (lateReason == null || lateReason.isBlank())) {
			throw new NotRegistered("choices.complaint.lateReasonNeeded", null, deadline);
		}
		LocalDate reassessBy = workingDays.plus(today, settings.reassessmentWorkingDays());
		LocalDate forwardBy = ComplaintDeadlines.fourWeeksAfter(today, workingDays);
		Optional<Long> id = jdbc.sql("""
				INSERT INTO complaint (candidate_id, team_id, channel, received_on, decision_ref, decision_received_on,
				  complaint_deadline, late, late_reason, what_candidate_says, category_id, reassess_by, forward_by, status,
				  registered_by, registered_at, request_id)
				VALUES (?, ?, 'PORTAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?)
				ON CONFLICT (request_id) DO NOTHING RETURNING id""")
			.params(candidateId, teamId, today, decisionRef.strip(), decisionReceivedOn, deadline, late,
					late ? lateReason.strip() : null, whatCandidateSays.strip(), settings.candidateCategoryId(), reassessBy,
					forwardBy, OwnActions.ACTOR, Timestamp.from(clock.instant()), requestId)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) { // a double submit that lost the race: the first one sent the receipt
			return byRequest(requestId, candidateId).orElseThrow();
		}
		// the receipt, sent by the system (no member of staff is signed in), once per complaint; the complaint stands
		// even when the receipt cannot be merged (the caseworker has no phone on record): Min side shows it all the same
		letters.trySendAsSystem(PORTAL_RECEIPT, candidateId,
				Map.of("afgørelse", decisionRef.strip(), "modtaget", today, "svarfrist", reassessBy, "ankestyrelsen_frist",
						forwardBy),
				UUID.nameUUIDFromBytes(("complaint-received:" + id.get()).getBytes(StandardCharsets.UTF_8)));
		return id.get();
	}

	/** The key of the receipt for a complaint from Min side. */
	public static final String PORTAL_RECEIPT = "complaint-received-portal";

	/** The last day to complain of a decision received on that day. */
	public LocalDate complaintDeadline(LocalDate decisionReceivedOn) {
		return ComplaintDeadlines.fourWeeksAfter(decisionReceivedOn, workingDays);
	}

	private Optional<Long> byRequest(UUID requestId, long candidateId) {
		return jdbc.sql("SELECT id FROM complaint WHERE request_id = ? AND candidate_id = ?")
			.params(requestId, candidateId)
			.query(Long.class)
			.optional();
	}

	/** Open complaints the signed-in user handles (complaint handlers and managers: all; team leads: their team). */
	public List<Complaint> open() {
		Long team = scope();
		return jdbc.sql("""
				SELECT * FROM complaint WHERE status <> 'CLOSED' AND (CAST(:team AS BIGINT) IS NULL OR team_id = :team)
				ORDER BY least(reassess_by, forward_by), id LIMIT 500""")
			.param("team", team)
			.query(Complaint.class)
			.list();
	}

	public Complaint find(long id) {
		// another team's complaint answers as a missing one: ids cannot be probed
		Long team = scope();
		Complaint c = jdbc.sql("SELECT * FROM complaint WHERE id = ?").param(id).query(Complaint.class).optional()
			.orElseThrow(NotFoundOrNoAccess::new);
		if (team != null && team != c.teamId()) {
			throw new NotFoundOrNoAccess();
		}
		return c;
	}

	public boolean overdue(Complaint c) {
		LocalDate today = LocalDate.now(clock);
		return ("RECEIVED".equals(c.status()) && c.reassessBy().isBefore(today))
				|| ("REASSESSED".equals(c.status()) && c.outcome() != Outcome.UPHELD_FULLY && c.forwardBy().isBefore(today));
	}

	@Transactional
	public void reassess(long id, Outcome outcome, String text, int version) {
		Complaint c = find(id);
		require(c, "RECEIVED");
		update(id, version, "status = ?, outcome = ?, reassessment = ?, reassessed_on = ?",
				outcome == Outcome.UPHELD_FULLY ? "CLOSED" : "REASSESSED", outcome.name(), text.strip(), LocalDate.now(clock));
		// and the answer, with the reasons and what happens next, in the letter's language
		MessageSourceResolvable next = outcome == Outcome.UPHELD_FULLY
				? new DefaultMessageSourceResolvable("complaints.letter.next.UPHELD_FULLY")
				: new DefaultMessageSourceResolvable(new String[] { "complaints.letter.next.forward" },
						new Object[] { c.forwardBy() });
		letters.send("complaint-reassessed", c.candidateId(),
				Map.of("afgørelse", c.decisionRef(), "resultat",
						new DefaultMessageSourceResolvable("complaints.letter.outcome." + outcome), "begrundelse", text.strip(),
						"næste_skridt", next),
				UUID.nameUUIDFromBytes(("complaint-reassessed:" + id).getBytes(StandardCharsets.UTF_8)));
	}

	/** Sends a complaint that was not fully upheld, with the file, to Ankestyrelsen. */
	@Transactional
	public void forward(long id, int version) {
		Complaint c = find(id);
		require(c, "REASSESSED");
		if (c.outcome() == Outcome.UPHELD_FULLY) {
			throw new IllegalStateException("complaints.transition.fullyUpheld");
		}
		update(id, version, "status = ?, forwarded_on = ?", "FORWARDED", LocalDate.now(clock));
	}

	@Transactional
	public void appealsResult(long id, AppealsResult result, LocalDate on, int version) {
		Complaint c = find(id);
		require(c, "FORWARDED");
		if (on.isBefore(c.forwardedOn()) || on.isAfter(LocalDate.now(clock))) {
			throw new IllegalArgumentException("complaints.appeals.dateInvalid");
		}
		update(id, version, "status = ?, appeals_result = ?, appeals_result_on = ?", "CLOSED", result.name(), on);
	}

	public List<String> themes(long complaintId) {
		return jdbc.sql("SELECT theme FROM complaint_theme WHERE complaint_id = ? ORDER BY theme").param(complaintId)
			.query(String.class).list();
	}

	@Transactional
	public void addTheme(long complaintId, String theme) {
		find(complaintId);
		String t = theme == null ? "" : theme.strip().toLowerCase(Locale.ROOT);
		if (!t.matches("[a-zæøå0-9 -]{2,40}")) {
			throw new IllegalArgumentException("complaints.theme.invalid");
		}
		jdbc.sql("INSERT INTO complaint_theme (complaint_id, theme) VALUES (?, ?) ON CONFLICT DO NOTHING").params(complaintId, t).update();
	}

	private static void require(Complaint c, String status) {
		if (!status.equals(c.status())) {
			throw new IllegalStateException("complaints.transition.notNow");
		}
	}

	private void update(long id, int version, String set, Object... values) {
		Object[] params = new Object[values.length + 2];
		System.arraycopy(values, 0, params, 0, values.length);
		params[values.length] = id;
		params[values.length + 1] = version;
		int n = jdbc.sql("UPDATE complaint SET " + set + ", version = version + 1 WHERE id = ? AND version = ?")
			.params(params)
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("form.conflict");
		}
	}

	private Long scope() {
		StaffMember me = staff.currentStaff();
		if (!me.may(Permission.HANDLE_COMPLAINTS)) {
			throw new AccessDeniedException("complaints.denied");
		}
		return me.teamScope();
	}
}
