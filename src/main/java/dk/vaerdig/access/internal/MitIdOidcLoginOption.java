package dk.vaerdig.access.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dk.vaerdig.access.CandidateLoginOption;

/**
 * "Log ind med MitID" on the candidates' login page, when the MitID login through an OIDC broker is on; named apart
 * when NemLog-in's SAML login is offered too, so the two links do not read the same.
 */
@Configuration(proxyBeanMethods = false)
class MitIdOidcLoginOption {

	@Bean
	@ConditionalOnBooleanProperty("vaerdig.access.mitid-oidc.enabled")
	CandidateLoginOption mitidOidc(@Value("${vaerdig.access.saml.mitid.enabled:false}") boolean samlToo) {
		return new CandidateLoginOption(MitIdOidcLogins.LOGIN,
				samlToo ? "portal.mitid.oidcLoginBeside" : "portal.mitid.login", "portal.mitid.loginHint");
	}
}
