package dk.vaerdig.complaints;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.access.SignedIn;

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

	private final JdbcClient jdbc;

	private final SignedIn signedIn;

	OwnComplaints(JdbcClient jdbc, SignedIn signedIn) {
		this.jdbc = jdbc;
		this.signedIn = signedIn;
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
