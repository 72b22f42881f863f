package dk.vaerdig.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.WebSession;

/**
 * The MitID login through an OIDC broker wired into the candidate chain only, beside a staff OIDC login (Spring
 * Boot's {@code spring.security.oauth2.client.*}) over real HTTP: the candidate login page offers it; its
 * authorization request (code flow, PKCE, nonce, {@code acr_values}) comes back under {@code /min-side/oidc/code}; the
 * staff chain knows nothing of the broker and the candidate chain nothing of the staff identity provider; a redirect
 * back that this browser did not start is refused. The whole flow against a real provider is in KeycloakSamlIT.
 */
@IntegrationTest
@TestPropertySource(properties = { "vaerdig.access.mitid-oidc.enabled=true",
		"vaerdig.access.mitid-oidc.authorization-uri=https\\://broker.test/authorize",
		"vaerdig.access.mitid-oidc.token-uri=https\\://broker.test/token",
		"vaerdig.access.mitid-oidc.jwk-set-uri=https\\://broker.test/jwks",
		"vaerdig.access.mitid-oidc.issuer=https\\://broker.test", "vaerdig.access.mitid-oidc.client-id=vaerdig",
		"vaerdig.access.mitid-oidc.client-secret=secret",
		"vaerdig.access.mitid-oidc.acr-values=https\\://data.gov.dk/concept/core/nsis/loa/Substantial",
		"spring.security.oauth2.client.registration.kommune.client-id=vaerdig-staff",
		"spring.security.oauth2.client.registration.kommune.client-secret=staff-secret",
		"spring.security.oauth2.client.registration.kommune.scope=openid",
		"spring.security.oauth2.client.registration.kommune.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.kommune.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.provider.kommune.authorization-uri=https\\://idp.kommune.test/authorize",
		"spring.security.oauth2.client.provider.kommune.token-uri=https\\://idp.kommune.test/token",
		"spring.security.oauth2.client.provider.kommune.jwk-set-uri=https\\://idp.kommune.test/jwks",
		"spring.security.oauth2.client.provider.kommune.user-name-attribute=sub" })
class MitIdOidcLoginIntegrationTest {

	@LocalServerPort
	int port;

	URI base() {
		return URI.create("http://localhost:" + port);
	}

	static String location(HttpResponse<?> answer) {
		return answer.headers().firstValue("Location").orElse("");
	}

	@Test
	void theCandidateLoginPageOffersTheBroker() {
		String page = WebSession.text(WebSession.anonymous(base()).get("/min-side/login"));
		assertThat(page).contains("href=\"/min-side/oidc/authorization/mitid-oidc\"").contains("Log ind med MitID");
	}

	@Test
	void theAuthorizationRequestUsesPkceAndComesBackUnderMinSide() {
		WebSession browser = WebSession.anonymous(base());
		HttpResponse<byte[]> start = browser.get("/min-side/oidc/authorization/mitid-oidc");
		assertThat(start.statusCode()).isEqualTo(302);
		assertThat(location(start)).startsWith("https://broker.test/authorize?response_type=code&client_id=vaerdig&")
			.contains("scope=openid")
			.contains("redirect_uri=http://localhost:" + port + "/min-side/oidc/code/mitid-oidc")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256")
			.contains("nonce=")
			.contains("acr_values=https://data.gov.dk/concept/core/nsis/loa/Substantial");
		// the request is kept in the candidate's own session, whose cookie only goes to /min-side
		assertThat(start.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("Path=/min-side"));
	}

	@Test
	void theStaffChainKnowsNothingOfTheBrokerAndTheCandidateChainNothingOfTheStaffIdp() {
		WebSession browser = WebSession.anonymous(base());
		// staff OIDC still works, as before
		HttpResponse<byte[]> staff = browser.get("/oauth2/authorization/kommune");
		assertThat(location(staff)).startsWith("https://idp.kommune.test/authorize?")
			.contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/kommune");
		assertThat(location(browser.get("/oauth2/authorization/mitid-oidc"))).doesNotStartWith("https://broker.test");
		assertThat(location(browser.get("/min-side/oidc/authorization/kommune")))
			.doesNotStartWith("https://idp.kommune.test");
		// the broker's redirect back is not served by the staff chain's login endpoint
		HttpResponse<byte[]> atStaff = browser.get("/login/oauth2/code/mitid-oidc?code=c&state=s");
		assertThat(location(atStaff)).doesNotEndWith("/min-side");
		// and the candidate chain does not serve the staff redirect back
		assertThat(location(browser.get("/min-side/oidc/code/kommune?code=c&state=s"))).doesNotEndWith("/");
	}

	@Test
	void aRedirectBackThatThisBrowserDidNotStartIsRefused() {
		WebSession browser = WebSession.anonymous(base());
		browser.get("/min-side/oidc/authorization/mitid-oidc");
		HttpResponse<byte[]> back = browser.get("/min-side/oidc/code/mitid-oidc?code=stolen&state=forged");
		assertThat(location(back)).endsWith("/min-side/oidc/refused?reason=invalid");
		HttpResponse<byte[]> refused = browser.get(location(back));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(WebSession.text(refused)).contains("Vi kunne ikke logge dig ind")
			.contains("href=\"/min-side/oidc/authorization/mitid-oidc\"");
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(302);
	}

	@Test
	void aStaffSessionIsNotSeenByTheBrokersLoginAndReachesNoCandidatePage() {
		WebSession staff = WebSession.login(base(), "sagsbehandler", "demo");
		assertThat(staff.get("/cases").statusCode()).isEqualTo(200);
		// the staff session is not the candidate's: a redirect back it did not start is refused like any other
		assertThat(location(staff.get("/min-side/oidc/code/mitid-oidc?code=c&state=s")))
			.endsWith("/min-side/oidc/refused?reason=invalid");
		HttpResponse<byte[]> own = staff.get("/min-side");
		assertThat(own.statusCode()).isEqualTo(302);
		assertThat(location(own)).endsWith("/min-side/login");
		assertThat(staff.get("/cases").statusCode()).isEqualTo(200);
	}

	@Test
	void theRefusalAndNoCasePagesSayWhy() {
		WebSession browser = WebSession.anonymous(base());
		assertThat(WebSession.text(browser.get("/min-side/oidc/refused?reason=noCpr")))
			.contains("Vi fik ikke dit CPR-nummer fra MitID");
		assertThat(WebSession.text(browser.get("/min-side/oidc/refused?reason=lowAssurance")))
			.contains("sikrere måde");
		assertThat(WebSession.text(browser.get("/min-side/oidc/refused?reason=portal.login.title")))
			.contains("Vi kunne ikke logge dig ind");
		HttpResponse<byte[]> noCase = browser.get("/min-side/oidc/no-case");
		assertThat(noCase.statusCode()).isEqualTo(200);
		assertThat(WebSession.text(noCase)).contains("Vi kan ikke finde et forløb til dig");
	}
}
