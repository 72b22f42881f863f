package dk.vaerdig.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.internal.saml.SamlMessages;
import dk.vaerdig.access.internal.saml.SamlRegistration;

/**
 * The SAML 2.0 service provider's endpoints, per registration: staff under {@code /saml/staff} (the staff chain and
 * session), candidates under {@code /min-side/saml} (the candidate chain and session). Each answers 404 while its
 * registration is off. Here, not in {@code web}, because it drives the package-private logins.
 */
@Controller
@NoPersonalData("the SAML protocol endpoints: they sign people in (the candidate login is audit-logged as SIGN_IN) and show no one's data")
class SamlController {

	private final SamlLogins logins;

	private final SamlIdpLogout idpLogout;

	SamlController(SamlLogins logins, SamlIdpLogout idpLogout) {
		this.logins = logins;
		this.idpLogout = idpLogout;
	}

	private SamlRegistration registration(String id, HttpServletRequest request) {
		return logins.registration(id, request).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping({ "/saml/staff/metadata", "/min-side/saml/metadata" })
	ResponseEntity<String> metadata(HttpServletRequest request) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/samlmetadata+xml"))
			.body(SamlMessages.metadata(registration(id(request), request)));
	}

	@GetMapping({ "/saml/staff/login", "/min-side/saml/login" })
	String login(HttpServletRequest request, HttpServletResponse response) {
		return "redirect:" + logins.startLogin(registration(id(request), request), request, response);
	}

	@PostMapping({ "/saml/staff/acs", "/min-side/saml/acs" })
	String acs(@RequestParam(name = "SAMLResponse", required = false) String samlResponse, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String id = id(request);
		SamlLogins.Outcome outcome = logins.acs(registration(id, request), samlResponse, request, response);
		if (outcome instanceof SamlLogins.SignedIn signedIn) {
			return "redirect:" + signedIn.redirectTo();
		}
		if (outcome instanceof SamlLogins.NoCase) {
			return "portal/no-case";
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("reason", ((SamlLogins.Refused) outcome).reason());
		model.addAttribute("again", SamlLogins.basePath(id) + "/login");
		return SamlLogins.STAFF.equals(id) ? "access/saml-refused" : "access/mitid-refused";
	}

	@RequestMapping(path = { "/saml/staff/logout", "/min-side/saml/logout" }, method = { RequestMethod.GET,
			RequestMethod.POST })
	String loggedOut(HttpServletRequest request, HttpServletResponse response, Model model) {
		String id = id(request);
		if (request.getParameter("SAMLRequest") != null) { // logout started by the identity provider
			var answer = idpLogout.idpLogout(registration(id, request), request);
			if (answer.isPresent()) {
				return "redirect:" + answer.get();
			}
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("reason", "invalid");
			model.addAttribute("again", SamlLogins.basePath(id) + "/login");
			return SamlLogins.STAFF.equals(id) ? "access/saml-refused" : "access/mitid-refused";
		}
		logins.finishLogout(registration(id, request), request, response);
		return SamlLogins.STAFF.equals(id) ? "redirect:/login?logout" : "redirect:/min-side/login?logout";
	}

	private static String id(HttpServletRequest request) {
		return SessionCookies.candidatePages(request) ? SamlLogins.MITID : SamlLogins.STAFF;
	}
}
