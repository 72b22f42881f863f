package dk.vaerdig.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.access.Grants;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.Role;
import dk.vaerdig.access.StaffDirectory;

/**
 * The one mapper from an external login to a member of staff: form and OIDC logins both need an active staff row,
 * take the role from the row (an identity provider's role claim is written to the row first) and get the role's
 * authorities from the grant table.
 */
@IntegrationTest
class StaffLoginsIntegrationTest {

	@Autowired
	StaffLogins logins;

	@Autowired
	StaffDirectory staff;

	@Autowired
	JdbcClient jdbc;

	String newStaff(String role, boolean active) {
		String username = "mapper." + System.nanoTime();
		jdbc.sql("""
				INSERT INTO staff_user (username, display_name, role, team_id, active)
				SELECT ?, 'Mapper Prøve', ?, team_id, ? FROM staff_user WHERE username = 'sagsbehandler'""")
			.params(username, role, active)
			.update();
		return username;
	}

	static OidcUser fromIdp(String username, Object roles) {
		var token = OidcIdToken.withTokenValue("token").subject("sub-" + username).claim("preferred_username", username)
			.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
		if (roles != null) {
			token.claim("roles", roles);
		}
		return new DefaultOidcUser(Set.of(), token.build());
	}

	static Set<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
		Set<String> names = new java.util.TreeSet<>();
		authorities.forEach(a -> names.add(a.getAuthority()));
		return names;
	}

	@Test
	void anOidcLoginWritesTheIdentityProvidersRoleToTheRowAndGetsThatRolesPermissions() {
		String username = newStaff("CASEWORKER", true);
		OidcUser user = logins.forOidc(fromIdp(username, List.of("unknown-role", "team_lead")), "roles");
		assertThat(user.getName()).isEqualTo(username);
		assertThat(jdbc.sql("SELECT role FROM staff_user WHERE username = ?").param(username).query(String.class).single())
			.isEqualTo("TEAM_LEAD");
		assertThat(names(user.getAuthorities())).isEqualTo(names(Grants.authorities(Role.TEAM_LEAD)))
			.contains("ROLE_TEAM_LEAD", Permission.HANDLE_COMPLAINTS.authority());
		// the staff directory sees the new role at once, so case access and the URL rules agree
		assertThat(staff.findActive(username).orElseThrow().role()).isEqualTo(Role.TEAM_LEAD);
	}

	@Test
	void anOidcLoginWithoutAKnownRoleKeepsTheRowsRole() {
		String username = newStaff("COMPLAINT_HANDLER", true);
		OidcUser user = logins.forOidc(fromIdp(username, List.of("something-else")), "roles");
		assertThat(names(user.getAuthorities())).isEqualTo(names(Grants.authorities(Role.COMPLAINT_HANDLER)));
		OidcUser noClaim = logins.forOidc(fromIdp(username, null), "roles");
		assertThat(names(noClaim.getAuthorities())).isEqualTo(names(Grants.authorities(Role.COMPLAINT_HANDLER)));
	}

	@Test
	void anOidcLoginOfAnInactiveOrUnknownUserIsRefused() {
		String inactive = newStaff("CASEWORKER", false);
		assertThatThrownBy(() -> logins.forOidc(fromIdp(inactive, List.of("ADMIN")), "roles"))
			.isInstanceOf(OAuth2AuthenticationException.class);
		// and the refused login changed nothing
		assertThat(jdbc.sql("SELECT role FROM staff_user WHERE username = ?").param(inactive).query(String.class).single())
			.isEqualTo("CASEWORKER");
		assertThatThrownBy(() -> logins.forOidc(fromIdp("nobody." + System.nanoTime(), List.of("ADMIN")), "roles"))
			.isInstanceOf(OAuth2AuthenticationException.class);
	}

	@Test
	void aFormLoginGetsTheRowsRolesPermissionsAndAnInactiveUserIsDisabled() {
		UserDetails mette = logins.loadUserByUsername("sagsbehandler");
		assertThat(mette.isEnabled()).isTrue();
		assertThat(names(mette.getAuthorities())).isEqualTo(names(Grants.authorities(Role.CASEWORKER)));
		UserDetails inactive = logins.loadUserByUsername(newStaff("CASEWORKER", false));
		assertThat(inactive.isEnabled()).isFalse();
	}
}
