package dk.vaerdig.complaints;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.SignedIn;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.OwnActions;
import dk.vaerdig.complaints.internal.Complaints;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/**
 * The signed-in candidate's own complaints, for their own pages (Min side): each complaint's status and deadlines.
 * The candidate is taken from the login ({@link SignedIn#candidate()}), never from the request; a member of staff is
 * refused (403). The caller records the read in the audit log. Themes, categories and the handler's notes are the job
 * centre's own learning and are not part of it.
 */
@Service
public class OwnComplaints {

	/**
	 * A complaint as the candidate follows it.
	 * @param status {@code RECEIVED}, {@code REASSESSED}, {@code FORWARDED} or {@code CLOSED}
	 * @param reassessBy the date by which we look at the decision again
	 * @param outcome of the reassessment: {@code UPHELD_FULLY}, {@code UPHELD_PARTLY}, {@code NOT_UPHELD} or null
	 * @param forwardBy the date by which a complaint we do not uphold in full goes to Ankestyrelsen
	 * @param appealsResult Ankestyrelsen's result ({@code UPHELD}, {@code CHANGED}, {@code ANNULLED},
	 * {@code SENT_BACK}) or null
	 */
	public record OwnComplaint(long id, String decisionRef, LocalDate receivedOn, String whatYouSaid, String status,
			LocalDate reassessBy, LocalDate reassessedOn, String outcome, String reassessment, LocalDate forwardBy,
			LocalDate forwardedOn, String appealsResult, LocalDate appealsResultOn) {
	}

	/**
	 * A complaint the candidate started, as its receipt shows it.
	 * @param complaintDeadline the last day to complain of the decision (4 weeks after it was received)
	 * @param late whether it came after that day
	 * @param reassessBy the day by which we look at the decision again
	 * @param forwardBy the day by which a complaint we do not uphold in full goes to Ankestyrelsen
	 */
	public record Receipt(long id, String decisionRef, LocalDate decisionReceivedOn, LocalDate receivedOn,
			LocalDate complaintDeadline, boolean late, LocalDate reassessBy, LocalDate forwardBy) {
	}

	/** Why a complaint was not started (yet): the message key, and the complaint deadline where it is known. */
	public static class NotStarted extends RuntimeException {

		private final transient LocalDate deadline;

		NotStarted(String code, LocalDate deadline) {
			super(code);
			this.deadline = deadline;
		}

		public LocalDate deadline() {
			return deadline;
		}
	}

	private final JdbcClient jdbc;

	private final SignedIn signedIn;

	private final Complaints complaints;

	private final Casework casework;

	private final OwnActions actions;

	private final AuditLog audit;

	OwnComplaints(JdbcClient jdbc, SignedIn signedIn, Complaints complaints,
			Casework casework, OwnActions actions,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.signedIn = signedIn;
		this.complaints = complaints;
		this.casework = casework;
		this.actions = actions;
		this.audit = audit;
	}

	/**
	 * The candidate starts a complaint of a decision from Min side (channel "Kandidatens egne sider"): received today,
	 * with the deadlines computed by the complaint rules, in the complaint handlers' list like any other, and on the
	 * case's timeline with the candidate as actor. Once per {@code requestId}.
	 * @param lateReason why it comes after the deadline; needed only then
	 * @return the complaint's id, for its receipt
	 * @throws NotStarted {@code choices.complaint.lateReasonNeeded} (with the deadline) for a late complaint without a
	 * reason, {@code choices.complaint.decisionInFuture} for a decision received after today
	 */
	@Transactional
	public long start(UUID requestId, String decisionRef, LocalDate decisionReceivedOn, String whatYouSay,
			String lateReason) {
		long me = signedIn.candidate().candidateId();
		var candidate = casework.candidate(me).orElseThrow(NotFoundOrNoAccess::new);
		boolean repeated = jdbc.sql("SELECT count(*) FROM complaint WHERE request_id = ?").param(requestId)
			.query(Long.class).single() > 0;
		long id;
		try {
			id = complaints.registerFromCandidate(requestId, me, candidate.teamId(), decisionRef, decisionReceivedOn,
					whatYouSay, lateReason);
		}
		catch (Complaints.NotRegistered e) {
			throw new NotStarted(e.getMessage(), e.deadline());
		}
		if (!repeated) {
			actions.onMyTimeline("OWN_COMPLAINT_STARTED", decisionRef.strip());
			audit.record(me, AuditAction.CHANGE, "min side: complaint " + id + " started");
		}
		return id;
	}

	/** The receipt of one of the candidate's own complaints; another candidate's answers as a missing one. */
	public Optional<Receipt> receipt(long id) {
		return jdbc.sql("""
				SELECT id, decision_ref, decision_received_on, received_on, complaint_deadline, late, reassess_by, forward_by
				FROM complaint WHERE id = ? AND candidate_id = ?""")
			.params(id, signedIn.candidate().candidateId())
			.query(Receipt.class)
			.optional();
	}

	/** The day a complaint of a decision received on {@code decisionReceivedOn} must reach us, by the complaint rules. */
	public LocalDate deadlineFor(LocalDate decisionReceivedOn) {
		return complaints.complaintDeadline(decisionReceivedOn);
	}

	/** The candidate's complaints, the newest first. */
	public List<OwnComplaint> list() {
		return jdbc.sql("""
				SELECT id, decision_ref, received_on, what_candidate_says, status, reassess_by, reassessed_on, outcome,
				  reassessment, forward_by, forwarded_on, appeals_result, appeals_result_on
				FROM complaint WHERE candidate_id = ? ORDER BY received_on DESC, id DESC""")
			.param(signedIn.candidate().candidateId())
			.query((rs, n) -> new OwnComplaint(rs.getLong("id"), rs.getString("decision_ref"),
					rs.getObject("received_on", LocalDate.class), rs.getString("what_candidate_says"),
					rs.getString("status"), rs.getObject("reassess_by", LocalDate.class),
					rs.getObject("reassessed_on", LocalDate.class), rs.getString("outcome"), rs.getString("reassessment"),
					rs.getObject("forward_by", LocalDate.class), rs.getObject("forwarded_on", LocalDate.class),
					rs.getString("appeals_result"), rs.getObject("appeals_result_on", LocalDate.class)))
			.list();
	}
}
