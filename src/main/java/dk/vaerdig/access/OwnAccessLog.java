package dk.vaerdig.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has looked at the signed-in candidate's data, from the audit log, for their own pages (Min side) and their copy
 * of their data: when, which team and department, what was done and the purpose recorded (since the EU Court's ruling
 * C-579/21 the citizen may know when and why, not necessarily by whom). The employee's name is given too; the caller
 * shows it only where the municipality's policy says so. The candidate is taken from the login
 * ({@link SignedIn#candidate()}), never from the request; a member of staff is refused (403).
 */
@Service
@Transactional(readOnly = true)
public class OwnAccessLog {

	/** Who looked: a member of staff, the candidate themselves, or the system (a scheduled job). */
	public enum Who {
		STAFF, YOU, SYSTEM
	}

	/**
	 * One use of the candidate's data.
	 * @param team the employee's team, or null (no team, or not staff)
	 * @param department the team's department, or null
	 * @param employee the employee's name (null when not staff); show it only where the policy says so
	 * @param action what was done
	 * @param purpose the purpose recorded with the entry (a page's address when nothing more was said), or null
	 */
	public record Access(Instant at, Who who, String team, String department, String employee, AuditAction action,
			String purpose) {
	}

	private final JdbcClient jdbc;

	private final SignedIn signedIn;

	private final StaffDirectory staff;

	OwnAccessLog(JdbcClient jdbc, SignedIn signedIn, StaffDirectory staff) {
		this.jdbc = jdbc;
		this.signedIn = signedIn;
		this.staff = staff;
	}

	/**
	 * The newest uses of the candidate's data first, at most {@code limit}; with {@code includeOwn} false, without the
	 * candidate's own reads of their own pages.
	 */
	public List<Access> entries(boolean includeOwn, int limit) {
		CandidateIdentity me = signedIn.candidate();
		Map<Long, Team> teams = staff.teams().stream().collect(Collectors.toMap(Team::id, Function.identity()));
		return jdbc.sql("""
				SELECT occurred_at, actor, action, detail FROM audit_entry
				WHERE %s AND (? OR actor <> ?) ORDER BY seq DESC LIMIT ?""".formatted(AuditLog.ABOUT_CANDIDATE))
			.params(me.candidateId(), me.candidateId(), includeOwn, me.actor(), limit)
			.query((rs, n) -> {
				String actor = rs.getString("actor");
				Instant at = rs.getTimestamp("occurred_at").toInstant();
				AuditAction action = AuditAction.valueOf(rs.getString("action"));
				String purpose = rs.getString("detail");
				if (actor.equals(me.actor())) {
					return new Access(at, Who.YOU, null, null, null, action, purpose);
				}
				return staff.find(actor).map(s -> {
					Team team = s.teamId() == null ? null : teams.get(s.teamId());
					return new Access(at, Who.STAFF, team == null ? null : team.name(),
							team == null ? null : team.department(), s.displayName(), action, purpose);
				}).orElseGet(() -> new Access(at, Who.SYSTEM, null, null, null, action, purpose));
			})
			.list();
	}
}
