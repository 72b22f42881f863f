package dk.vaerdig.access.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.StaffDirectory;

@NoPersonalData("the login and start pages")
@Controller
class LoginController {

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	private final StaffDirectory staff;

	private final boolean samlLogin;

	LoginController(ObjectProvider<ClientRegistrationRepository> registrations, StaffDirectory staff,
			@Value("${vaerdig.access.saml.staff.enabled:false}") boolean samlLogin) {
		this.registrations = registrations;
		this.staff = staff;
		this.samlLogin = samlLogin;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String throttled, Model model) {
		if (throttled != null) {
			// minutes until a new try, from LoginThrottle's redirect; anything else in the address shows as 15
			model.addAttribute("throttledMinutes", throttled.matches("[0-9]{1,4}") ? Integer.parseInt(throttled) : 15);
		}
		Map<String, String> oidc = new LinkedHashMap<>();
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object o : all) {
				ClientRegistration r = (ClientRegistration) o;
				oidc.put(r.getRegistrationId(), r.getClientName());
			}
		}
		model.addAttribute("oidcRegistrations", oidc);
		model.addAttribute("samlLogin", samlLogin);
		return "access/login";
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("me", staff.currentStaff());
		return "platform/home";
	}
}
