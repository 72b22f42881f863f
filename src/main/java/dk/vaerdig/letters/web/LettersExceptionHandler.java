package dk.vaerdig.letters.web;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import dk.vaerdig.letters.internal.TemplateVersion.IllegalTransition;

/** A review step that is not allowed now, or a version someone else changed meanwhile: 409 with a plain message. */
@ControllerAdvice(basePackageClasses = LettersExceptionHandler.class)
class LettersExceptionHandler {

	@ExceptionHandler(IllegalTransition.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String illegalTransition(Model model) {
		model.addAttribute("messageKey", "letters.conflict.transition");
		return "letters/conflict";
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String changedMeanwhile(Model model) {
		model.addAttribute("messageKey", "letters.conflict.changed");
		return "letters/conflict";
	}
}
