package dk.vaerdig.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The authentication of a candidate signed in to their own pages: the principal is the {@link CandidateIdentity},
 * the name {@code candidate:<id>}, and the only authority the candidate's permission from {@link Grants}. It is kept in
 * the candidate's own session (see {@link CandidateLogins}), never in a staff session.
 */
public final class CandidateAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final CandidateIdentity identity;

	public CandidateAuthentication(CandidateIdentity identity) {
		super(Grants.candidateAuthorities());
		this.identity = identity;
		setAuthenticated(true);
	}

	@Override
	public CandidateIdentity getPrincipal() {
		return identity;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return identity.actor();
	}
}
