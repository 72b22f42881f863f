package dk.vaerdig.portal.web;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.AssuranceLevel;
import dk.vaerdig.access.CandidateAuthentication;
import dk.vaerdig.access.CandidateIdentity;
import dk.vaerdig.casework.CandidateSummary;

/**
 * The candidate's own copy ({@link MyDataCopy}) made for a member of staff, so that the staff export is the very copy
 * the candidate gets on Min side and cannot drift from it: the copy's services take the candidate from the login only,
 * so the copy is read, on this thread and only while it is read, under the candidate's identity; the member of staff's
 * login is put back in {@code finally}. The caller must have checked the permission and the case access first (the
 * candidate's identity is never stored in a session: Spring Security saves a context only when told to).
 */
@Component
class StaffInsightCopy {

	private final MyDataCopy copy;

	StaffInsightCopy(MyDataCopy copy) {
		this.copy = copy;
	}

	MyDataCopy.MyData of(CandidateSummary candidate) {
		SecurityContext staff = SecurityContextHolder.getContext();
		SecurityContext asCandidate = SecurityContextHolder.createEmptyContext();
		asCandidate.setAuthentication(new CandidateAuthentication(new CandidateIdentity(candidate.id(),
				candidate.firstName() + " " + candidate.lastName(), AssuranceLevel.SUBSTANTIAL)));
		SecurityContextHolder.setContext(asCandidate);
		try {
			return copy.mine();
		}
		finally {
			SecurityContextHolder.setContext(staff);
		}
	}
}
