package dk.vaerdig.access;

import java.io.Serializable;

/**
 * A candidate signed in to their own pages (Min side). The candidate is known by their id; the CPR number that found
 * them at login is not kept in the session.
 *
 * @param candidateId the candidate's id
 * @param displayName the name to greet them by
 * @param assurance the level of assurance of the login
 */
public record CandidateIdentity(long candidateId, String displayName, AssuranceLevel assurance)
		implements SignedInIdentity, Serializable {

	/** The prefix of a candidate's actor name in the audit log. */
	public static final String ACTOR_PREFIX = "candidate:";

	@Override
	public String actor() {
		return ACTOR_PREFIX + candidateId;
	}

	@Override
	public boolean may(Permission permission) {
		return Grants.ofCandidate().contains(permission);
	}

	@Override
	public String toString() {
		return "CandidateIdentity[" + actor() + ", " + assurance + "]";
	}
}
