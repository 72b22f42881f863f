package dk.vaerdig.access;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What the signed-in user may do, read from the session's permission authorities (which come from {@link Grants}):
 * for the templates as model attribute {@code signedIn} ({@code th:if="${signedIn?.may('SEND_LETTERS')}"} shows a
 * link or a button to those who may use it), and for a controller that shows more or less by permission
 * ({@code SignedInUser.of(authentication).may(Permission.SEND_LETTERS)}). It only decides what is shown: every
 * page and action checks access itself.
 *
 * @param name the signed-in principal's name (a user name, or {@code candidate:<id>}), or null when no one is
 * @param shownName the name the page header shows: a member of staff's user name, a candidate's first name
 * @param permissions what they may do
 * @param candidate whether a candidate is signed in (to their own pages), not a member of staff
 */
public record SignedInUser(String name, String shownName, Set<Permission> permissions, boolean candidate) {

	static final SignedInUser NONE = new SignedInUser(null, null, Set.of(), false);

	public static SignedInUser of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return NONE;
		}
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (GrantedAuthority a : authentication.getAuthorities()) {
			String authority = a.getAuthority();
			if (authority != null && authority.startsWith("PERM_")) {
				try {
					permissions.add(Permission.valueOf(authority.substring("PERM_".length())));
				}
				catch (IllegalArgumentException unknown) {
					// a permission of another version of the app, in a session it wrote: ignored
				}
			}
		}
		if (authentication.getPrincipal() instanceof CandidateIdentity identity) {
			return new SignedInUser(authentication.getName(), identity.displayName(), Set.copyOf(permissions), true);
		}
		return new SignedInUser(authentication.getName(), authentication.getName(), Set.copyOf(permissions), false);
	}

	/** Whether someone is signed in. */
	public boolean present() {
		return name != null;
	}

	/** Whether a member of staff is signed in. */
	public boolean staff() {
		return present() && !candidate;
	}

	public boolean may(Permission permission) {
		return permissions.contains(permission);
	}

	/**
	 * For the templates: whether the user has the permission named (a name that is no {@link Permission} fails, so
	 * a typo in a template cannot silently hide a link; {@code GrantsTest} checks every name the templates use).
	 */
	public boolean may(String permission) {
		return permissions.contains(Permission.valueOf(permission));
	}
}
