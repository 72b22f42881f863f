package dk.vaerdig.access.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import dk.vaerdig.access.CandidateIdentity;

/**
 * The MitID login through an OIDC broker in the candidate filter chain: Spring Security's {@code oauth2Login} with
 * the broker's registration from {@link MitIdOidcLogins} (authorization request at
 * {@code /min-side/oidc/authorization/mitid-oidc}, redirect URI {@code /min-side/oidc/code/mitid-oidc}, PKCE, the
 * {@code acr_values} asked for), the ID token's claims mapped to a candidate, and the candidate signed in by
 * {@link dk.vaerdig.access.CandidateLogins} as after a SAML login.
 * <p>
 * What the OAuth2 client would otherwise keep is not kept: its own authentication (with the ID token and the CPR
 * claim) lives only for the request, the access token is not stored (we call nothing at the broker after the login),
 * and no OIDC session registry holds the user in memory (there is no back-channel logout).
 */
final class MitIdOidcSecurity {

	private MitIdOidcSecurity() {
	}

	static void configure(HttpSecurity http, MitIdOidcLogins oidc) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				oidc::registration, MitIdOidcLogins.AUTHORIZATION_BASE);
		String acr = oidc.settings().acrValues();
		if (acr != null && !acr.isBlank()) {
			resolver.setAuthorizationRequestCustomizer(b -> b.additionalParameters(p -> p.put("acr_values", acr)));
		}
		http.oauth2Login(o -> o.loginPage(SecurityConfiguration.CANDIDATE_LOGIN)
			.clientRegistrationRepository(oidc::registration)
			.authorizedClientRepository(NOT_KEPT)
			.oidcSessionRegistry(NO_REGISTRY)
			.securityContextRepository(new RequestAttributeSecurityContextRepository())
			.authorizationEndpoint(a -> a.baseUri(MitIdOidcLogins.AUTHORIZATION_BASE).authorizationRequestResolver(resolver))
			.redirectionEndpoint(r -> r.baseUri(MitIdOidcLogins.CODE_BASE + "/*"))
			.userInfoEndpoint(u -> u.oidcUserService(userService(oidc)))
			.successHandler((request, response, authentication) -> signIn(oidc, request, response, authentication))
			.failureHandler(MitIdOidcSecurity::refused));
	}

	/** The broker's user (ID token, and UserInfo when configured) mapped to a candidate, or refused. */
	private static OAuth2UserService<OidcUserRequest, OidcUser> userService(MitIdOidcLogins oidc) {
		OidcUserService delegate = new OidcUserService();
		delegate.setRetrieveUserInfo(request -> oidc.settings().userInfo()
				&& request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri() != null);
		return request -> {
			OidcUser user = delegate.loadUser(request);
			return new CandidateOidcUser(oidc.candidate(user.getClaims()), user.getIdToken());
		};
	}

	/**
	 * The candidate as the OAuth2 client's user, for the rest of the request only: its ID token holds nothing but
	 * the candidate's actor name (not the broker's claims, not the CPR number).
	 */
	static final class CandidateOidcUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final CandidateIdentity identity;

		CandidateOidcUser(CandidateIdentity identity, OidcIdToken token) {
			super(List.<GrantedAuthority>of(), new OidcIdToken("-",
					token.getIssuedAt(), token.getExpiresAt(), Map.of(IdTokenClaimNames.SUB, identity.actor())));
			this.identity = identity;
		}

		CandidateIdentity identity() {
			return identity;
		}
	}

	private static void signIn(MitIdOidcLogins oidc, HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		if (!(authentication.getPrincipal() instanceof CandidateOidcUser user)) {
			response.sendRedirect(request.getContextPath() + MitIdOidcLogins.REFUSED + "?reason=" + MitIdOidcLogins.INVALID);
			return;
		}
		oidc.signIn(user.identity(), request, response);
		response.sendRedirect(request.getContextPath() + SessionCookies.CANDIDATE_PATH);
	}

	private static void refused(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String code = exception instanceof OAuth2AuthenticationException e ? e.getError().getErrorCode() : null;
		response.sendRedirect(request.getContextPath() + (MitIdOidcLogins.NO_CASE_CODE.equals(code)
				? MitIdOidcLogins.NO_CASE : MitIdOidcLogins.REFUSED + "?reason=" + MitIdOidcLogins.reason(code)));
	}

	/** RP-initiated logout, before the session ends: the broker's end-session address for {@link SamlLogout}. */
	static LogoutHandler logout(MitIdOidcLogins oidc) {
		return (request, response, authentication) -> oidc.endSession(request)
			.ifPresent(url -> request.setAttribute(SamlLogout.REDIRECT, url));
	}

	private static final OAuth2AuthorizedClientRepository NOT_KEPT = new OAuth2AuthorizedClientRepository() {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
				HttpServletResponse response) {
		}
	};

	private static final OidcSessionRegistry NO_REGISTRY = new OidcSessionRegistry() {

		@Override
		public void saveSessionInformation(OidcSessionInformation info) {
		}

		@Override
		public OidcSessionInformation removeSessionInformation(String clientSessionId) {
			return null;
		}

		@Override
		public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
			return List.of();
		}
	};
}
