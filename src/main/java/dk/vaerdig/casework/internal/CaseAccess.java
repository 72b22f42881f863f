package dk.vaerdig.casework.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.SignedIn;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/**
 * Least privilege on cases, by the signed-in member of staff's permissions ({@link dk.vaerdig.access.Grants}):
 * {@link Permission#READ_CASES} opens the cases of the own team, of every team with {@link Permission#ALL_TEAMS};
 * only {@link Permission#CHANGE_CASES} writes to them (the complaint handler reads). A signed-in candidate is no
 * member of staff and is refused every case service here (403).
 */
@Component
public class CaseAccess {

	private final Candidates candidates;

	private final SignedIn signedIn;

	CaseAccess(Candidates candidates, SignedIn signedIn) {
		this.candidates = candidates;
		this.signedIn = signedIn;
	}

	/**
	 * The candidate, if the signed-in user may open the case. A case of another team answers exactly as a case that
	 * does not exist (404, {@link NotFoundOrNoAccess}), so ids cannot be probed.
	 */
	public Candidate open(long candidateId) {
		Candidate candidate = candidates.findById(candidateId).orElseThrow(NotFoundOrNoAccess::new);
		StaffMember me = signedIn.staff();
		if (!me.mayOpenCasesOfTeam(candidate.getTeamId())) {
			throw new NotFoundOrNoAccess();
		}
		return candidate;
	}

	/**
	 * The candidate, if the signed-in user may change the case (a note, the story, a meeting, the plan, a
	 * reassignment); a read-only role is refused with 403 even where it may read the case. A closed course is
	 * read-only for everyone: refused with 409 and a message that says so, until it is reopened.
	 */
	public Candidate change(long candidateId) {
		Candidate candidate = changeCourse(candidateId);
		if (candidate.isCourseClosed()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "casework.outcome.closedReadOnly");
		}
		return candidate;
	}

	/**
	 * As {@link #change}, for closing or reopening the course itself, which a closed course allows: a read-only role is
	 * refused with 403.
	 */
	public Candidate changeCourse(long candidateId) {
		Candidate candidate = open(candidateId);
		if (!signedIn.staff().mayChangeCasesOfTeam(candidate.getTeamId())) {
			throw new AccessDeniedException("casework.access.readOnly");
		}
		return candidate;
	}

	/** Refuses a read-only role (for registering a new candidate, which has no case yet). */
	public void requireChanges() {
		teamScope();
		if (!signedIn.staff().may(Permission.CHANGE_CASES)) {
			throw new AccessDeniedException("casework.access.readOnly");
		}
	}

	/** Whether the signed-in user may change cases at all: the pages show their forms and buttons only then. */
	public boolean mayChange() {
		return signedIn.staff().may(Permission.CHANGE_CASES);
	}

	/** The team whose cases the signed-in user is limited to, or null when they see all teams. */
	public Long teamScope() {
		StaffMember me = signedIn.staff();
		if (!me.may(Permission.READ_CASES)) {
			throw new AccessDeniedException("casework.access.denied");
		}
		return me.teamScope();
	}

	public StaffMember me() {
		return signedIn.staff();
	}
}
