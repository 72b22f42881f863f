package dk.vaerdig.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

import dk.vaerdig.access.AssuranceLevel;
import dk.vaerdig.access.CandidateFinder;
import dk.vaerdig.access.CandidateIdentity;
import dk.vaerdig.platform.Cpr;

/**
 * The MitID login through an OIDC broker, from the checked ID token's claims to a candidate: the level of assurance
 * (the configured values of {@code loa}, else {@code acr}; missing or unknown counts as low) is checked first, then
 * the CPR claim finds the candidate; each refusal has its own reason. And the registration Spring Security gets
 * (PKCE, {@code openid}, the redirect URI under {@code /min-side/oidc/code}), the candidate user that outlives the
 * token exchange without the broker's claims, and the broker's end-session address at logout.
 */
class MitIdOidcLoginsTest {

	static final String CPR = "150585-1234";

	static final String SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/loa/Substantial";

	static final String HIGH = "https://data.gov.dk/concept/core/nsis/loa/High";

	/** The CPR numbers the finder was asked for. */
	final List<Cpr> asked = new ArrayList<>();

	final CandidateFinder finder = cpr -> {
		asked.add(cpr);
		return cpr.equals(Cpr.of(CPR)) ? Optional.of(new CandidateFinder.Found(42, "Kirsten")) : Optional.empty();
	};

	static MitIdOidcSettings settings(boolean enabled, String clientSecret, String endSessionUri) {
		return new MitIdOidcSettings(enabled, null, "https://broker.test/authorize", "https://broker.test/token",
				"https://broker.test/jwks", null, endSessionUri, "https://broker.test", "vaerdig", clientSecret,
				List.of("openid", "mitid"), null, false, "https://data.gov.dk/model/core/eid/cprNumber", "loa", "acr",
				List.of(SUBSTANTIAL), List.of(HIGH), "{baseUrl}/min-side/oidc/code/{registrationId}", true,
				"{baseUrl}/min-side/login?logout");
	}

	MitIdOidcLogins logins(MitIdOidcSettings settings) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("finder", finder));
		return new MitIdOidcLogins(settings, beans.getBeanProvider(CandidateFinder.class), null);
	}

	MitIdOidcLogins logins() {
		return logins(settings(true, "secret", "https://broker.test/logout"));
	}

	static Map<String, Object> claims(Object... pairs) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", "broker-subject");
		for (int i = 0; i < pairs.length; i += 2) {
			claims.put((String) pairs[i], pairs[i + 1]);
		}
		return claims;
	}

	static String refusal(Runnable login) {
		try {
			login.run();
		}
		catch (OAuth2AuthenticationException e) {
			return e.getError().getErrorCode();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void aSubstantialLoginWithACprNumberOfACandidateSignsInThatCandidateByTheirId() {
		CandidateIdentity identity = logins().candidate(claims("loa", SUBSTANTIAL,
				"https://data.gov.dk/model/core/eid/cprNumber", "1505851234"));
		assertThat(identity.candidateId()).isEqualTo(42);
		assertThat(identity.assurance()).isEqualTo(AssuranceLevel.SUBSTANTIAL);
		assertThat(identity.actor()).isEqualTo("candidate:42").doesNotContain("150585");
		assertThat(identity.toString()).doesNotContain("150585");
		assertThat(asked).containsExactly(Cpr.of(CPR));
	}

	@Test
	void theLevelOfAssuranceComesFromLoaOrElseAcrMatchedToTheConfiguredValuesIgnoringCase() {
		MitIdOidcLogins logins = logins();
		assertThat(logins.assurance(claims("loa", HIGH))).isEqualTo(AssuranceLevel.HIGH);
		assertThat(logins.assurance(claims("loa", SUBSTANTIAL.toLowerCase()))).isEqualTo(AssuranceLevel.SUBSTANTIAL);
		assertThat(logins.assurance(claims("acr", HIGH))).isEqualTo(AssuranceLevel.HIGH);
		// loa wins over acr when both are there
		assertThat(logins.assurance(claims("loa", "https://data.gov.dk/concept/core/nsis/loa/Low", "acr", HIGH)))
			.isEqualTo(AssuranceLevel.LOW);
		assertThat(logins.assurance(claims())).isEqualTo(AssuranceLevel.LOW);
		assertThat(logins.assurance(claims("loa", "Substantial"))).as("not a configured value").isEqualTo(AssuranceLevel.LOW);
		assertThat(logins.assurance(claims("loa", 3))).isEqualTo(AssuranceLevel.LOW);
	}

	@Test
	void aLoginBelowSubstantialOrWithoutALevelIsRefusedBeforeTheCprNumberIsLookedUp() {
		MitIdOidcLogins logins = logins();
		String cprClaim = "https://data.gov.dk/model/core/eid/cprNumber";
		assertThat(refusal(() -> logins.candidate(claims("loa", "https://data.gov.dk/concept/core/nsis/loa/Low",
				cprClaim, CPR)))).isEqualTo("lowAssurance");
		assertThat(refusal(() -> logins.candidate(claims(cprClaim, CPR)))).isEqualTo("lowAssurance");
		assertThat(asked).isEmpty();
	}

	@Test
	void aMissingOrBadCprClaimIsRefusedAsSuch() {
		MitIdOidcLogins logins = logins();
		String cprClaim = "https://data.gov.dk/model/core/eid/cprNumber";
		assertThat(refusal(() -> logins.candidate(claims("loa", SUBSTANTIAL)))).isEqualTo("noCpr");
		assertThat(refusal(() -> logins.candidate(claims("loa", SUBSTANTIAL, cprClaim, "not a cpr")))).isEqualTo("noCpr");
		assertThat(refusal(() -> logins.candidate(claims("loa", SUBSTANTIAL, cprClaim, "320185-1234")))).isEqualTo("noCpr");
		assertThat(refusal(() -> logins.candidate(claims("loa", SUBSTANTIAL, cprClaim, 1505851234L)))).isEqualTo("noCpr");
		assertThat(refusal(() -> logins.candidate(claims("loa", SUBSTANTIAL, "dk:gov:cpr", CPR)))).as("another claim")
			.isEqualTo("noCpr");
		assertThat(asked).isEmpty();
	}

	@Test
	void aPersonWithNoCaseGetsTheNoCaseAnswer() {
		assertThat(refusal(() -> logins().candidate(claims("loa", HIGH, "https://data.gov.dk/model/core/eid/cprNumber",
				"200190-1234")))).isEqualTo("noCase");
		assertThat(asked).containsExactly(Cpr.of("200190-1234"));
	}

	@Test
	void theRefusalPageShowsOnlyKnownReasons() {
		assertThat(MitIdOidcLogins.reason("lowAssurance")).isEqualTo("lowAssurance");
		assertThat(MitIdOidcLogins.reason("noCpr")).isEqualTo("noCpr");
		assertThat(MitIdOidcLogins.reason("access_denied")).isEqualTo("invalid");
		assertThat(MitIdOidcLogins.reason("x}; T(java.lang.Runtime)")).isEqualTo("invalid");
		assertThat(MitIdOidcLogins.reason(null)).isEqualTo("invalid");
	}

	@Test
	void theRegistrationAsksForOpenidWithPkceAndComesBackUnderMinSide() {
		ClientRegistration r = logins().registration(MitIdOidcLogins.ID);
		assertThat(r.getScopes()).contains("openid", "mitid");
		assertThat(r.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(r.getRedirectUri()).isEqualTo("{baseUrl}/min-side/oidc/code/{registrationId}");
		assertThat(r.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(r.getProviderDetails().getIssuerUri()).isEqualTo("https://broker.test");
		// a public client: no secret, PKCE alone
		assertThat(logins(settings(true, "", null)).registration(MitIdOidcLogins.ID).getClientAuthenticationMethod())
			.isEqualTo(ClientAuthenticationMethod.NONE);
		// no other registration, and none while it is off
		assertThat(logins().registration("kommune")).isNull();
		assertThat(logins(settings(false, "secret", null)).registration(MitIdOidcLogins.ID)).isNull();
	}

	@Test
	void theCandidateUserThatOutlivesTheTokenExchangeHoldsNoneOfTheBrokersClaims() {
		OidcIdToken token = OidcIdToken.withTokenValue("eyJ.secret.token")
			.subject("broker-subject")
			.claim("https://data.gov.dk/model/core/eid/cprNumber", "1505851234")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
		var user = new MitIdOidcSecurity.CandidateOidcUser(
				new CandidateIdentity(42, "Kirsten", AssuranceLevel.SUBSTANTIAL), token);
		assertThat(user.getName()).isEqualTo("candidate:42");
		assertThat(user.getClaims()).containsOnlyKeys("sub");
		assertThat(user.getIdToken().getTokenValue()).doesNotContain("secret");
		assertThat(user.identity().candidateId()).isEqualTo(42);
	}

	@Test
	void logoutGoesToTheBrokersEndSessionEndpointOnlyForASessionOfThisLogin() {
		MitIdOidcLogins logins = logins();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/min-side/logout");
		request.setServerName("vaerdig.test");
		assertThat(logins.endSession(request)).as("no session").isEmpty();
		request.getSession().setAttribute("another", "login");
		assertThat(logins.endSession(request)).as("a session of another login").isEmpty();
		request.getSession().setAttribute(MitIdOidcLogins.SESSION_KEY, MitIdOidcLogins.ID);
		assertThat(logins.endSession(request)).hasValueSatisfying(url -> assertThat(url)
			.startsWith("https://broker.test/logout?client_id=vaerdig&post_logout_redirect_uri=http://vaerdig.test/min-side/login?logout")
			.doesNotContain("id_token_hint"));
		// no end-session endpoint known, or logout at the broker off: only our session ends
		assertThat(logins(settings(true, "secret", null)).endSession(request)).isEmpty();
	}
}
