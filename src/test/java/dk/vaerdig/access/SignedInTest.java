package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A signed-in candidate is a candidate and never a member of staff, and is named by id, never by CPR number. */
class SignedInTest {

	/** No member of staff is looked up for a candidate, so no staff directory is needed. */
	final SignedIn signedIn = new SignedIn(null);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCandidateIsACandidateNamedByIdAndIsRefusedAsStaff() {
		CandidateIdentity karen = new CandidateIdentity(7, "Karen", AssuranceLevel.SUBSTANTIAL);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(karen, null, "PERM_SEE_OWN_COURSE"));
		assertThat(signedIn.identity()).contains(karen);
		assertThat(signedIn.candidate()).isEqualTo(karen);
		assertThat(karen.actor()).isEqualTo("candidate:7");
		assertThat(karen.toString()).doesNotContain("Karen").contains("candidate:7");
		assertThatThrownBy(signedIn::staff).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void noOneSignedInIsNeitherStaffNorCandidate() {
		assertThat(signedIn.identity()).isEmpty();
		assertThatThrownBy(signedIn::staff).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(signedIn::candidate).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aLoginBelowSubstantialIsRefusedBeforeAnythingIsKept() {
		CandidateLogins logins = new CandidateLogins(null);
		CandidateIdentity low = new CandidateIdentity(7, "Karen", AssuranceLevel.LOW);
		assertThatThrownBy(() -> logins.signIn(low, "test", null, null))
			.isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void aCandidatesAuthenticationIsNamedByIdAndCarriesOnlyTheCandidatesPermission() {
		CandidateAuthentication auth = new CandidateAuthentication(new CandidateIdentity(7, "Karen", AssuranceLevel.HIGH));
		assertThat(auth.getName()).isEqualTo("candidate:7");
		assertThat(auth.isAuthenticated()).isTrue();
		assertThat(auth.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("PERM_SEE_OWN_COURSE");
		assertThat(SignedInUser.of(auth).candidate()).isTrue();
		assertThat(SignedInUser.of(auth).staff()).isFalse();
		assertThat(SignedInUser.of(auth).shownName()).isEqualTo("Karen");
	}

	@Test
	void levelsOfAssuranceAreOrdered() {
		assertThat(AssuranceLevel.SUBSTANTIAL.atLeast(AssuranceLevel.SUBSTANTIAL)).isTrue();
		assertThat(AssuranceLevel.HIGH.atLeast(AssuranceLevel.SUBSTANTIAL)).isTrue();
		assertThat(AssuranceLevel.LOW.atLeast(AssuranceLevel.SUBSTANTIAL)).isFalse();
	}
}
