package dk.vaerdig.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A query for one row that found none answers 404: the row named in the address does not exist (an id nobody has,
 * or one that was deleted). The modules ask for their rows with {@code optional()} where they can; this catches those
 * that do not.
 */
@ControllerAdvice(basePackages = "dk.vaerdig")
class MissingRowAdvice {

	@ExceptionHandler(EmptyResultDataAccessException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}
}
