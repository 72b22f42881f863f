package dk.vaerdig.access.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.Grants;
import dk.vaerdig.access.Role;
import dk.vaerdig.access.StaffDirectory;

/**
 * The one mapper from an external login to a member of staff, whatever the login: the local form (as the
 * {@link UserDetailsService}), OIDC ({@link #forOidc}) and SAML ({@link #forSaml}). Every kind of login
 * <ul>
 * <li>finds the staff row by user name and refuses a user with no row or an inactive one;</li>
 * <li>takes the role from the staff row only; an identity provider that sends job-function roles writes the role to
 * the row first ({@link #applyRolesFromIdentityProvider}), so the row stays the one place a role comes from;</li>
 * <li>gives the session the authorities of that role from the grant table ({@link #authorities}): the role and its
 * permissions. {@link StaffRecheckFilter} sets the same authorities again on every request from the row, within
 * the staff cache time.</li>
 * </ul>
 */
@Component
class StaffLogins implements UserDetailsService {

	private final JdbcClient jdbc;

	private final StaffDirectory staff;

	StaffLogins(JdbcClient jdbc, StaffDirectory staff) {
		this.jdbc = jdbc;
		this.staff = staff;
	}

	/** A staff row as a login sees it, read afresh (not from the staff cache). */
	record StaffRow(String username, String passwordHash, Role role, boolean active) {
	}

	/** The authorities of a member of staff in the given role: the role and each permission the grant table gives it. */
	static List<GrantedAuthority> authorities(Role role) {
		return Grants.authorities(role);
	}

	Optional<StaffRow> row(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT username, password_hash, role, active FROM staff_user WHERE username = ?")
			.param(username.strip())
			.query((rs, n) -> new StaffRow(rs.getString("username"), rs.getString("password_hash"),
					Role.valueOf(rs.getString("role")), rs.getBoolean("active")))
			.optional();
	}

	/**
	 * Form login: the staff row with its password hash. A user without a password (one who logs in through the
	 * identity provider) or an inactive one is disabled, which the form login refuses after the throttle.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffRow row = row(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return User.withUsername(row.username())
			.password(row.passwordHash() == null ? "{noop}" + UUID.randomUUID() + "-disabled" : row.passwordHash())
			.disabled(!row.active() || row.passwordHash() == null)
			.authorities(authorities(row.role()))
			.build();
	}

	/**
	 * OIDC login: the user named by the ID token's {@code preferred_username} must have an active staff row; the known
	 * role in the roles claim is written to it; the session gets the row's role's authorities.
	 */
	OidcUser forOidc(OidcUser user, String rolesClaim) {
		String username = user.getPreferredUsername();
		StaffRow row = row(username).filter(StaffRow::active)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("staff_unknown_or_inactive",
					"No active member of staff with this user name", null)));
		Role role = applyRolesFromIdentityProvider(row, user.getClaims().get(rolesClaim));
		return new DefaultOidcUser(authorities(role), user.getIdToken(), user.getUserInfo(), "preferred_username");
	}

	/**
	 * SAML login (KOMBIT): the user named by the assertion must have an active staff row (never created here); the
	 * roles the privileges map to are written to it as for OIDC. Empty when there is no such active member of staff.
	 */
	Optional<Role> forSaml(String username, Collection<Role> rolesFromPrivileges) {
		return row(username).filter(StaffRow::active)
			.map(row -> applyRolesFromIdentityProvider(row, rolesFromPrivileges.stream().map(Role::name).toList()));
	}

	/**
	 * The identity provider is the master of roles at login: the known role among its values (the first in the order
	 * of {@link Role} if several; matched without regard to case) is written to the staff row. Values that name no
	 * role are ignored; with none known the row keeps its role. Returns the role the row now has.
	 */
	Role applyRolesFromIdentityProvider(StaffRow row, Object values) {
		if (!(values instanceof Collection<?> names)) {
			return row.role();
		}
		Optional<Role> fromIdp = names.stream()
			.map(String::valueOf)
			.flatMap(name -> Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(name)))
			.sorted()
			.findFirst();
		if (fromIdp.isEmpty() || fromIdp.get() == row.role()) {
			return row.role();
		}
		jdbc.sql("UPDATE staff_user SET role = ? WHERE username = ? AND role <> ?")
			.params(fromIdp.get().name(), row.username(), fromIdp.get().name())
			.update();
		staff.forget(row.username());
		return fromIdp.get();
	}
}
