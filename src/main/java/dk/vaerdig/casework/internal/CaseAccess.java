package dk.vaerdig.casework.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;

/** Least privilege on cases: a caseworker opens the cases of their own team; managers and complaint handlers all. */
@Component
public class CaseAccess {

	private final Candidates candidates;

	private final StaffDirectory staff;

	CaseAccess(Candidates candidates, StaffDirectory staff) {
		this.candidates = candidates;
		this.staff = staff;
	}

	/** The candidate, if the signed-in user may open the case. */
	public Candidate open(long candidateId) {
		Candidate candidate = candidates.findById(candidateId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		StaffMember me = staff.current();
		if (!me.mayOpenCasesOfTeam(candidate.getTeamId())) {
			throw new AccessDeniedException("casework.access.denied");
		}
		return candidate;
	}

	/** The team whose cases the signed-in user is limited to, or null when they see all teams. */
	public Long teamScope() {
		StaffMember me = staff.current();
		if (!me.role().seesCases()) {
			throw new AccessDeniedException("casework.access.denied");
		}
		return me.role().seesAllTeams() ? null : me.teamId();
	}

	public StaffMember me() {
		return staff.current();
	}
}
