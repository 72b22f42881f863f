package dk.vaerdig.access.web;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dk.vaerdig.access.SignedInUser;

/**
 * Gives every page the model attribute {@code signedIn}: what the signed-in user may do (see {@link SignedInUser}),
 * and {@code navigation}: the links of the staff menu they may use ({@link StaffNavigation}), both made once per
 * request.
 */
@ControllerAdvice
class SignedInUserAdvice {

	private final StaffNavigation navigation = new StaffNavigation();

	@ModelAttribute
	void signedIn(Authentication authentication, Model model) {
		SignedInUser user = SignedInUser.of(authentication);
		model.addAttribute("signedIn", user);
		model.addAttribute("navigation", navigation.links(user));
	}
}
