package dk.vaerdig.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param oidcRolesClaim the claim of the municipal IdP's ID token that lists the user's job-function roles
 * @param staffCacheTtl how long a staff member's role and team, and the lists of caseworkers and teams, are kept in
 *     memory after they were read: every request asks who is signed in, several times, so a change of role or team
 *     takes effect within this time
 * @param sessionTouchInterval how often at most a session's last-access time is written when nothing else in it
 *     changed: a request that only reads writes nothing to the session store, and the idle timeout
 *     ({@code spring.session.timeout}) counts from a last access at most this much older than the real one
 */
@ConfigurationProperties("vaerdig.access")
public record AccessSettings(@DefaultValue("roles") String oidcRolesClaim,
		@DefaultValue("10s") Duration staffCacheTtl, @DefaultValue("1m") Duration sessionTouchInterval) {
}
