package dk.vaerdig.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param oidcRolesClaim the claim of the municipal IdP's ID token that lists the user's job-function roles
 */
@ConfigurationProperties("vaerdig.access")
public record AccessSettings(@DefaultValue("roles") String oidcRolesClaim) {
}
