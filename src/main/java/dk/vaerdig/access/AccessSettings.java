package dk.vaerdig.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param oidcRolesClaim the claim of the municipal IdP's ID token that lists the user's job-function roles
 * @param staffCacheTtl how long a staff member's role and team, and the lists of caseworkers and teams, are kept in
 *     memory after they were read: every request asks who is signed in, several times, so a change of role or team
 *     takes effect within this time
 */
@ConfigurationProperties("vaerdig.access")
public record AccessSettings(@DefaultValue("roles") String oidcRolesClaim,
		@DefaultValue("10s") Duration staffCacheTtl) {
}
