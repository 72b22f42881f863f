package dk.vaerdig.access;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Signs a candidate in to their own pages (Min side), whatever found them: the demo's test login, MitID through
 * NemLog-in (SAML), or MitID through an OIDC broker. The candidate's security context lives in the candidate's own session (its own cookie, only sent to
 * {@code /min-side}) under its own key, which the staff filter chain never reads; the staff context is never read by
 * the candidate chain. A login below the level of assurance "substantial" is refused. The login is written to the
 * audit log with the candidate as actor, and the level of assurance in the detail.
 */
@Service
public class CandidateLogins {

	/** The session attribute that holds a candidate's security context. */
	public static final String CONTEXT_KEY = "VAERDIG_CANDIDATE_SECURITY_CONTEXT";

	/** The lowest level of assurance a candidate may log in with. */
	public static final AssuranceLevel REQUIRED = AssuranceLevel.SUBSTANTIAL;

	private final AuditLog audit;

	private final SecurityContextRepository repository = repository();

	CandidateLogins(AuditLog audit) {
		this.audit = audit;
	}

	/** The repository of candidates' security contexts, for the candidate filter chain. */
	public static SecurityContextRepository repository() {
		HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
		repository.setSpringSecurityContextKey(CONTEXT_KEY);
		return repository;
	}

	/**
	 * Signs the candidate in: a new session id (no fixation), the identity in the candidate's security context, an
	 * audit entry {@code SIGN_IN}.
	 *
	 * @param how how they logged in, for the audit log (e.g. "demo test login")
	 * @throws BadCredentialsException when the level of assurance is below {@link #REQUIRED}
	 */
	public void signIn(CandidateIdentity identity, String how, HttpServletRequest request, HttpServletResponse response) {
		if (!identity.assurance().atLeast(REQUIRED)) {
			throw new BadCredentialsException("level of assurance too low");
		}
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		else {
			request.getSession(true);
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new CandidateAuthentication(identity));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
		audit.append(identity.actor(), identity.candidateId(), AuditAction.SIGN_IN,
				how + ", level of assurance " + identity.assurance().name().toLowerCase(Locale.ROOT));
	}
}
