package dk.vaerdig.access;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who is signed in to this request: a member of staff ({@link #staff()}) or a candidate ({@link #candidate()}). Every
 * service that checks access asks here; asking for a member of staff when a candidate is signed in (or no one) is
 * refused with {@link AccessDeniedException} (403), and the other way round.
 */
@Service
public class SignedIn {

	private final StaffDirectory staff;

	SignedIn(StaffDirectory staff) {
		this.staff = staff;
	}

	/** The signed-in identity, if anyone is signed in. */
	public Optional<SignedInIdentity> identity() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		if (auth.getPrincipal() instanceof CandidateIdentity candidate) {
			return Optional.of(candidate);
		}
		return staff.find(auth.getName()).map(SignedInIdentity.class::cast);
	}

	/** The signed-in member of staff; refused (403) for a candidate or when no one is signed in. */
	public StaffMember staff() {
		return identity().filter(StaffMember.class::isInstance)
			.map(StaffMember.class::cast)
			.orElseThrow(() -> new AccessDeniedException("access.notStaff"));
	}

	/** The signed-in candidate; refused (403) for a member of staff or when no one is signed in. */
	public CandidateIdentity candidate() {
		return identity().filter(CandidateIdentity.class::isInstance)
			.map(CandidateIdentity.class::cast)
			.orElseThrow(() -> new AccessDeniedException("access.notCandidate"));
	}
}
