package dk.vaerdig.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.platform.PlatformSettings;

/**
 * What every Min side page gets: the dates in the reader's language, the page's own address (for the navigation's
 * "you are here"), and the candidate's own error page for a page or a record that is not there (404, the same for a
 * letter of another candidate as for one that does not exist), inside the candidate's chain, so the page has the
 * candidate's navigation and speaks to the candidate.
 */
@ControllerAdvice(basePackageClasses = MinSideAdvice.class)
class MinSideAdvice {

	private final PlatformSettings platform;

	MinSideAdvice(PlatformSettings platform) {
		this.platform = platform;
	}

	@ModelAttribute("dates")
	CandidateDates dates(Locale locale) {
		return CandidateDates.of(platform.zone(), locale);
	}

	@ModelAttribute("minSidePath")
	String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * A 404 of a Min side handler (another candidate's letter, an unknown id) is forwarded to the candidate's own
	 * not-found page ({@link MinSideNotFoundController}), which gets this advice's and the layout's model like any page.
	 */
	@ExceptionHandler(ResponseStatusException.class)
	String notFound(ResponseStatusException e, HttpServletResponse response) {
		if (e.getStatusCode().value() != HttpStatus.NOT_FOUND.value()) {
			throw e;
		}
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "forward:" + MinSideNotFoundController.NOT_FOUND;
	}

	/** An id in the address that is no number ({@code /min-side/breve/abc}): no such page, as for an unknown id. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String notANumber(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "forward:" + MinSideNotFoundController.NOT_FOUND;
	}
}
