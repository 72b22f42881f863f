package dk.vaerdig.access.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The candidates' MitID login through an OIDC broker ({@code vaerdig.access.mitid-oidc.*}), an alternative to
 * NemLog-in's SAML ({@code vaerdig.access.saml.mitid}); off by default. Authorization code flow with PKCE and scope
 * {@code openid}, in the candidate filter chain only. See README "MitID through an OIDC broker".
 *
 * @param enabled whether this login is offered
 * @param issuerUri the broker's issuer; its endpoints are read from {@code /.well-known/openid-configuration} at the
 *     first login (not at start-up); empty means the explicit endpoints below
 * @param authorizationUri the authorization endpoint, without an issuer
 * @param tokenUri the token endpoint, without an issuer
 * @param jwkSetUri the broker's signing keys (JWK set), without an issuer
 * @param userInfoUri the UserInfo endpoint, without an issuer; only used with {@code user-info}
 * @param endSessionUri the end-session endpoint (RP-initiated logout), without an issuer or to override it
 * @param issuer the {@code iss} the ID token must carry, without an issuer URI
 * @param clientId our client id at the broker
 * @param clientSecret our client secret; empty means a public client (PKCE only, no secret)
 * @param scopes the scopes asked for ({@code openid} is always among them)
 * @param acrValues the {@code acr_values} to ask for (e.g. the level of assurance), or empty
 * @param userInfo whether the claims of the UserInfo endpoint are read beside the ID token's
 * @param cprClaim the claim with the CPR number
 * @param loaClaim the claim with the level of assurance
 * @param loaFallbackClaim the claim read when {@code loa-claim} is missing (the standard {@code acr})
 * @param substantialValues the values of the level-of-assurance claim that mean "substantial" (compared ignoring case)
 * @param highValues the values that mean "high"
 * @param redirectUri where the broker sends the browser back ({@code {baseUrl}} is this request's address); under
 *     {@code /min-side/oidc/code/}
 * @param logoutAtBroker whether logging out also ends the session at the broker (when it publishes an end-session
 *     endpoint)
 * @param postLogoutRedirectUri where the broker sends the browser after logout ({@code {baseUrl}} as above)
 */
@ConfigurationProperties("vaerdig.access.mitid-oidc")
public record MitIdOidcSettings(@DefaultValue("false") boolean enabled, String issuerUri, String authorizationUri,
		String tokenUri, String jwkSetUri, String userInfoUri, String endSessionUri, String issuer, String clientId,
		String clientSecret, @DefaultValue("openid") List<String> scopes, String acrValues,
		@DefaultValue("false") boolean userInfo,
		@DefaultValue("https://data.gov.dk/model/core/eid/cprNumber") String cprClaim,
		@DefaultValue("loa") String loaClaim, @DefaultValue("acr") String loaFallbackClaim,
		@DefaultValue("https://data.gov.dk/concept/core/nsis/loa/Substantial") List<String> substantialValues,
		@DefaultValue("https://data.gov.dk/concept/core/nsis/loa/High") List<String> highValues,
		@DefaultValue("{baseUrl}/min-side/oidc/code/{registrationId}") String redirectUri,
		@DefaultValue("true") boolean logoutAtBroker,
		@DefaultValue("{baseUrl}/min-side/login?logout") String postLogoutRedirectUri) {
}
