package dk.vaerdig.access.internal;


import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import dk.vaerdig.access.AccessSettings;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;

/**
 * Staff log in with a form (default) or, when an OIDC client registration is configured, through the municipality's
 * identity provider. Every page but the public ones needs a login; CSRF protection is on; the headers set a strict
 * Content-Security-Policy without inline scripts or styles.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
			+ "object-src 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc,
			AccessSettings settings, StaffDirectory staff, StaffLogins logins, LoginThrottle loginThrottle) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/accessibility", "/actuator/health", "/actuator/health/**")
			.permitAll()
			// the candidate's evaluation (a single-use token is the key), the kiosk and the lobby screen: no login
			.requestMatchers("/s/**", "/kiosk/**", "/lobby", "/lobby/**", "/book/**").permitAll()
			.requestMatchers("/admin/surveys/**", "/admin/surveys").hasAuthority(Permission.EDIT_QUESTIONNAIRE.authority())
			.requestMatchers("/admin/audit/**", "/admin/audit").hasAuthority(Permission.READ_AUDIT_LOG.authority())
			.requestMatchers("/admin/retention/**", "/admin/retention").hasAuthority(Permission.MANAGE_RETENTION.authority())
			.requestMatchers("/admin/**").hasAuthority(Permission.ADMINISTER_SYSTEM.authority())
			.requestMatchers("/actuator/**").hasAuthority(Permission.ADMINISTER_SYSTEM.authority())
			.requestMatchers(HttpMethod.GET, "/").authenticated()
			.anyRequest().authenticated());
		// The answer form needs no session: its single-use, unguessable token is what a forged request would lack.
		http.csrf(csrf -> csrf.ignoringRequestMatchers("/s/**"));
		// every request of a signed-in user: still active? role changed? (the staff row, within the cache time)
		http.addFilterBefore(new StaffRecheckFilter(staff), AuthorizationFilter.class);
		http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll());
		// login throttling per user name and client address (LoginThrottle): refused before the password is checked
		http.formLogin(form -> form.failureHandler(loginThrottle));
		http.addFilterBefore(loginThrottle.filter(), UsernamePasswordAuthenticationFilter.class);
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
		if (oidc.getIfAvailable() != null) {
			http.oauth2Login(o -> o.loginPage("/login")
				.userInfoEndpoint(u -> u.oidcUserService(oidcUserService(settings.oidcRolesClaim(), logins))));
		}
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions(f -> f.deny())
			.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
		return http.build();
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
