package dk.vaerdig.access.internal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.NoPersonalData;

/**
 * The pages a MitID login through the OIDC broker ends on when it does not sign the candidate in: the refusal (too
 * low a level of assurance, no CPR number, anything else) and the page for a person with no case. The login itself
 * is Spring Security's ({@code /min-side/oidc/authorization/mitid-oidc}, {@code /min-side/oidc/code/mitid-oidc}); see
 * {@link MitIdOidcLogins}. Both answer 404 while the login is off.
 */
@Controller
@NoPersonalData("the end pages of a refused MitID login through the OIDC broker: no one is signed in, no one's data is shown")
class MitIdOidcController {

	private final MitIdOidcLogins logins;

	MitIdOidcController(MitIdOidcLogins logins) {
		this.logins = logins;
	}

	@GetMapping(MitIdOidcLogins.REFUSED)
	String refused(@RequestParam(required = false) String reason, HttpServletResponse response, Model model) {
		on();
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("reason", MitIdOidcLogins.reason(reason));
		model.addAttribute("again", MitIdOidcLogins.LOGIN);
		return "access/mitid-refused";
	}

	@GetMapping(MitIdOidcLogins.NO_CASE)
	String noCase() {
		on();
		return "portal/no-case";
	}

	private void on() {
		if (!logins.enabled()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}
}
