package dk.vaerdig.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.vaerdig.access.SignedIn;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;

/**
 * The signed-in candidate's own course, for their own pages. Every method reads the candidate from the signed-in
 * identity ({@link SignedIn#candidate()}), never from an id the request carries, so a candidate only ever sees their
 * own data; a member of staff (or no one) is refused with 403. The caller records the read in the audit log (the
 * candidate is the actor).
 */
@Service
public class OwnCourses {

	private final JdbcClient jdbc;

	private final SignedIn signedIn;

	private final StaffDirectory staff;

	private final Clock clock;

	OwnCourses(JdbcClient jdbc, SignedIn signedIn, StaffDirectory staff, Clock clock) {
		this.jdbc = jdbc;
		this.signedIn = signedIn;
		this.staff = staff;
		this.clock = clock;
	}

	/** The signed-in candidate's id. */
	public long myId() {
		return signedIn.candidate().candidateId();
	}

	private record Row(String firstName, String caseworker, LocalDate courseClosedOn) {
	}

	/** The signed-in candidate's open course, or empty when they have none (no case, or the case is closed). */
	public Optional<OwnCourse> mine() {
		long me = myId();
		Optional<Row> row = jdbc.sql("SELECT first_name, caseworker, course_closed_on FROM candidate WHERE id = ?")
			.param(me)
			.query(Row.class)
			.optional()
			.filter(r -> r.courseClosedOn() == null);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		OwnCourse.NextMeeting next = jdbc.sql("""
				SELECT planned_at, form, place, caseworker FROM meeting
				WHERE candidate_id = ? AND status = 'PLANNED' AND planned_at >= ?
				ORDER BY planned_at LIMIT 1""")
			.params(me, Timestamp.from(clock.instant()))
			.query((rs, n) -> new OwnCourse.NextMeeting(rs.getTimestamp("planned_at").toInstant(), rs.getString("form"),
					rs.getString("place"), staff.find(rs.getString("caseworker"))
						.map(StaffMember::displayName)
						.orElse(null)))
			.optional()
			.orElse(null);
		OwnCourse.Caseworker caseworker = staff.find(row.get().caseworker())
			.map(s -> new OwnCourse.Caseworker(s.displayName(), s.phone(), s.email()))
			.orElse(null);
		List<OwnCourse.OwnAgreement> agreements = jdbc.sql("""
				SELECT responsible, what, due_date FROM agreement WHERE candidate_id = ? AND status = 'OPEN'
				ORDER BY due_date NULLS LAST, id""")
			.param(me)
			.query((rs, n) -> new OwnCourse.OwnAgreement(rs.getString("responsible"), rs.getString("what"),
					rs.getObject("due_date", LocalDate.class)))
			.list();
		return Optional.of(new OwnCourse(row.get().firstName(), next, caseworker, agreements));
	}
}
