package dk.vaerdig.access.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import dk.vaerdig.access.StaffDirectory;

/**
 * Checks every request of a signed-in user against their row in {@code staff_user} (through {@link StaffDirectory},
 * which reads it at most once per {@code vaerdig.access.staff-cache-ttl}), whatever the login was: form, OIDC or a
 * later SAML login. A member of staff who was deactivated or removed is signed out (the session invalidated) and sent
 * to the login page, which says why; a changed role replaces the role and permission authorities of the session's
 * authentication with those the grant table gives the row's role ({@link StaffDirectory#recheck}, the one re-check,
 * which the letters API's chain uses too), so the URL rules
 * and method security use the same role as case access, which reads the staff row too. The staff row is thus the one
 * place a role comes from, and {@link dk.vaerdig.access.Grants} the one place its permissions come from.
 */
class StaffRecheckFilter extends OncePerRequestFilter {

	static final String DEACTIVATED_URL = "/login?deactivated";

	private static final Logger log = LoggerFactory.getLogger(StaffRecheckFilter.class);

	private final StaffDirectory staff;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	StaffRecheckFilter(StaffDirectory staff) {
		this.staff = staff;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = holder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Authentication> rechecked = staff.recheck(auth);
		if (rechecked.isEmpty()) {
			log.info("Signed out a session of a member of staff who is no longer active");
			new SecurityContextLogoutHandler().logout(request, response, auth);
			String target = request.getContextPath() + DEACTIVATED_URL;
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", target);
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			else {
				response.sendRedirect(target);
			}
			return;
		}
		if (rechecked.get() != auth) {
			SecurityContext context = holder.createEmptyContext();
			context.setAuthentication(rechecked.get());
			holder.setContext(context);
			repository.saveContext(context, request, response);
		}
		chain.doFilter(request, response);
	}
}
