package dk.vaerdig.access.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dk.vaerdig.access.SignedInUser;

/** Gives every page the model attribute {@code signedIn}: what the signed-in user may do (see {@link SignedInUser}). */
@ControllerAdvice
class SignedInUserAdvice {

	@ModelAttribute("signedIn")
	SignedInUser signedIn(Authentication authentication) {
		return SignedInUser.of(authentication);
	}
}
