package dk.vaerdig.access.internal;


import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import dk.vaerdig.access.AccessSettings;
import dk.vaerdig.access.CandidateLogins;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;

/**
 * Three separate security filter chains, each with its own session (see {@link SessionCookies}) and login entry:
 * <ul>
 * <li>the public pages (the evaluation's answer form, the kiosk, the lobby screen, pop-up booking, the accessibility
 * statement) and static files: no login, and no one's security context is read, so they look the same to everyone;</li>
 * <li>the candidate's own pages, {@code /min-side/**}: a candidate's login ({@link CandidateLogins}), its context under
 * its own key in the candidate's own session (demo test login, MitID through NemLog-in by SAML, MitID through an OIDC
 * broker by {@link MitIdOidcSecurity}); a staff session is not seen there, so staff are sent to the candidate
 * login;</li>
 * <li>everything else, for staff: a form login (default) or, when an OIDC client registration is configured, the
 * municipality's identity provider, or SAML 2.0 (KOMBIT, {@code vaerdig.access.saml.staff.*}); a candidate's session
 * is not seen there, so a candidate is sent to the staff login.</li>
 * </ul>
 * CSRF protection is on (but for the single-use answer form); the headers set a strict Content-Security-Policy without
 * inline scripts or styles.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
			+ "object-src 'none'";

	/** The pages without login, served by their own chain. */
	static final String[] PUBLIC_PAGES = { "/s/**", "/kiosk/**", "/lobby", "/lobby/**", "/book/**", "/accessibility",
			"/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico" };

	/** The candidate's own pages, served by their own chain. */
	static final String[] CANDIDATE_PAGES = { SessionCookies.CANDIDATE_PATH, SessionCookies.CANDIDATE_PATH + "/**" };

	/** The candidate's login entry point. */
	static final String CANDIDATE_LOGIN = SessionCookies.CANDIDATE_PATH + "/login";

	/** The demo's test login for candidates (module demo), which answers 404 unless this is the demo. */
	static final String CANDIDATE_TEST_LOGIN = SessionCookies.CANDIDATE_PATH + "/test-login";

	/** The SAML endpoints of the candidates' MitID login (metadata, login, ACS, logout). */
	static final String CANDIDATE_SAML = SessionCookies.CANDIDATE_PATH + "/saml/**";

	/** The endpoints of the candidates' MitID login through an OIDC broker (start, redirect URI, refusal pages). */
	static final String CANDIDATE_OIDC = SessionCookies.CANDIDATE_PATH + "/oidc/**";

	/** The SAML endpoints of the staff login. */
	static final String STAFF_SAML = "/saml/staff/**";

	@Bean
	@Order(1)
	SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
		http.securityMatcher(PUBLIC_PAGES);
		http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
		// nobody's login is read here: a public page is the same for a member of staff, a candidate and a visitor
		http.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()));
		http.requestCache(cache -> cache.disable());
		// The answer form needs no session: its single-use, unguessable token is what a forged request would lack.
		http.csrf(csrf -> csrf.ignoringRequestMatchers("/s/**"));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain candidatePages(HttpSecurity http, SamlLogins saml, MitIdOidcLogins oidc) throws Exception {
		http.securityMatcher(CANDIDATE_PAGES);
		http.authorizeHttpRequests(auth -> auth.requestMatchers(CANDIDATE_LOGIN, CANDIDATE_LOGIN + "/**", CANDIDATE_TEST_LOGIN,
				CANDIDATE_SAML, CANDIDATE_OIDC)
			.permitAll()
			.anyRequest()
			.hasAuthority(Permission.SEE_OWN_COURSE.authority()));
		http.securityContext(c -> c.securityContextRepository(CandidateLogins.repository()));
		http.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(CANDIDATE_LOGIN)));
		// the identity provider's POSTs (ACS, logout response) are cross-site and carry no CSRF token: the SAML
		// checks (signature, InResponseTo of a request this browser sent) take its place
		http.csrf(csrf -> csrf.ignoringRequestMatchers(SessionCookies.CANDIDATE_PATH + "/saml/acs",
				SessionCookies.CANDIDATE_PATH + "/saml/logout"));
		SamlLogout samlLogout = new SamlLogout(saml, CANDIDATE_LOGIN + "?logout");
		http.logout(logout -> logout.logoutUrl(SessionCookies.CANDIDATE_PATH + "/logout")
			.addLogoutHandler(samlLogout)
			.addLogoutHandler(MitIdOidcSecurity.logout(oidc))
			.logoutSuccessHandler(samlLogout));
		// MitID through an OIDC broker by configuration (vaerdig.access.mitid-oidc.*): see MitIdOidcSecurity
		if (oidc.enabled()) {
			MitIdOidcSecurity.configure(http, oidc);
		}
		headers(http);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain staffPages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc,
			AccessSettings settings, StaffDirectory staff, StaffLogins logins, LoginThrottle loginThrottle, SamlLogins saml)
			throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**", STAFF_SAML)
			.permitAll()
			.requestMatchers("/admin/surveys/**", "/admin/surveys").hasAuthority(Permission.EDIT_QUESTIONNAIRE.authority())
			.requestMatchers("/admin/audit/**", "/admin/audit").hasAuthority(Permission.READ_AUDIT_LOG.authority())
			.requestMatchers("/admin/retention/**", "/admin/retention").hasAuthority(Permission.MANAGE_RETENTION.authority())
			.requestMatchers("/admin/**").hasAuthority(Permission.ADMINISTER_SYSTEM.authority())
			.requestMatchers("/actuator/**").hasAuthority(Permission.ADMINISTER_SYSTEM.authority())
			.requestMatchers(HttpMethod.GET, "/").authenticated()
			.anyRequest().authenticated());
		// every request of a signed-in user: still active? role changed? (the staff row, within the cache time)
		http.addFilterBefore(new StaffRecheckFilter(staff), AuthorizationFilter.class);
		http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll());
		// login throttling per user name and client address (LoginThrottle): refused before the password is checked
		http.formLogin(form -> form.failureHandler(loginThrottle));
		http.addFilterBefore(loginThrottle.filter(), UsernamePasswordAuthenticationFilter.class);
		// SAML (KOMBIT) by configuration: see SamlController; the IdP's POSTs carry no CSRF token (see above)
		http.csrf(csrf -> csrf.ignoringRequestMatchers("/saml/staff/acs", "/saml/staff/logout"));
		SamlLogout samlLogout = new SamlLogout(saml, "/login?logout");
		http.logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(samlLogout).logoutSuccessHandler(samlLogout));
		if (oidc.getIfAvailable() != null) {
			http.oauth2Login(o -> o.loginPage("/login")
				.userInfoEndpoint(u -> u.oidcUserService(oidcUserService(settings.oidcRolesClaim(), logins))));
		}
		headers(http);
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions(f -> f.deny())
			.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
	}

	/** OIDC logins go through the one mapper from an external login to a member of staff ({@link StaffLogins}). */
	private static OidcUserService oidcUserService(String rolesClaim, StaffLogins logins) {
		OidcUserService delegate = new OidcUserService();
		return new OidcUserService() {
			@Override
			public OidcUser loadUser(OidcUserRequest request) {
				return logins.forOidc(delegate.loadUser(request), rolesClaim);
			}
		};
	}

	/**
	 * Fills in the templates of security meta-annotations: {@code {value}} in {@link RequiresPermission}'s
	 * {@code hasAuthority('PERM_{value}')} becomes the permission's name.
	 */
	@Bean
	static AnnotationTemplateExpressionDefaults templateExpressionDefaults() {
		return new AnnotationTemplateExpressionDefaults();
	}

	/**
	 * No observation of Spring Security's own: with an observation registry present it wraps each filter of the chain
	 * in an observation of its own, a dozen objects per request, even when no meter records them. The request itself is
	 * still measured ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
