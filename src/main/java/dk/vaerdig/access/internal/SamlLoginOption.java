package dk.vaerdig.access.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dk.vaerdig.access.CandidateLoginOption;

/** "Log ind med MitID" on the candidates' login page, when the MitID registration is on. */
@Configuration(proxyBeanMethods = false)
class SamlLoginOption {

	@Bean
	@ConditionalOnBooleanProperty("vaerdig.access.saml.mitid.enabled")
	CandidateLoginOption mitid() {
		return new CandidateLoginOption(SamlLogins.basePath(SamlLogins.MITID) + "/login", "portal.mitid.login",
				"portal.mitid.loginHint");
	}
}
