package dk.vaerdig.access.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dk.vaerdig.access.SignedInRoles;

/** Gives every page the model attribute {@code roles}, the signed-in user's roles (see {@link SignedInRoles}). */
@ControllerAdvice
class SignedInRolesAdvice {

	@ModelAttribute("roles")
	SignedInRoles roles(Authentication authentication) {
		return SignedInRoles.of(authentication);
	}
}
