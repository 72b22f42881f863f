package dk.vaerdig.access;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in user's roles: for the templates as model attribute {@code roles} ({@code th:if="${roles?.any('ADMIN')}"}
 * shows a link or a button to the roles that may use it), and for a controller that shows more or less by role
 * ({@code SignedInRoles.of(authentication).has(Role.ADMIN)}). It replaces the Spring Security dialect's
 * {@code sec:authorize}, which parses its expression and builds a new evaluation context on every use (a dozen times
 * on every page, for the navigation). It only decides what is shown: every page and action checks access itself.
 *
 * @param username the signed-in user, or null when no one is signed in
 * @param names the role names without the {@code ROLE_} prefix
 */
public record SignedInRoles(String username, Set<String> names) {

	static final SignedInRoles NONE = new SignedInRoles(null, Set.of());

	public static SignedInRoles of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return NONE;
		}
		return new SignedInRoles(authentication.getName(), authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a != null && a.startsWith("ROLE_"))
			.map(a -> a.substring("ROLE_".length()))
			.collect(Collectors.toUnmodifiableSet()));
	}

	public boolean signedIn() {
		return username != null;
	}

	public boolean has(Role role) {
		return names.contains(role.name());
	}

	/** Whether the user has at least one of the roles. */
	public boolean any(String... roles) {
		for (String role : roles) {
			if (names.contains(role)) {
				return true;
			}
		}
		return false;
	}
}
