package dk.vaerdig.platform.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.NoPersonalData;

/**
 * Every error as the page {@code error.html} in the layout, in the user's language, with a message that says what
 * happened: a value the application cannot use (400), no access (403), nothing there (404), a state that does not
 * allow it (409), and so on. It replaces Spring Boot's error controller, which answered browsers with JSON for some
 * errors; no page here is an API.
 */
@NoPersonalData("the error page")
@Controller
class ErrorPageController implements ErrorController {

	private final ErrorAttributes errors;

	private final MessageSource messages;

	ErrorPageController(ErrorAttributes errors, MessageSource messages) {
		this.errors = errors;
		this.messages = messages;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	String error(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// opened directly rather than as the error of another request: there is nothing to show
		int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("headingKey", switch (status) {
			case 403 -> "error.forbidden";
			case 404 -> "error.notFound";
			case 409 -> "error.conflictHeading";
			default -> status < 500 ? "error.badRequestHeading" : "error.heading";
		});
		String key = messageKey(request, status, locale);
		String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u : "";
		String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
		boolean candidate = forCandidates(path);
		if (candidate && CANDIDATE_TEXTS.containsKey(key)) {
			key = CANDIDATE_TEXTS.get(key);
		}
		model.addAttribute("messageKey", key);
		// a candidate's way back is their own pages, or none on the public pages (the staff front page is a login)
		model.addAttribute("homePath", !candidate ? "/" : path.startsWith("/min-side") ? "/min-side" : null);
		return "error";
	}

	/** The texts written for staff ("ask an administrator", "contact support"), and what a candidate reads instead. */
	private static final Map<String, String> CANDIDATE_TEXTS = Map.of(
			"error.text", "error.textForCandidates", "error.forbiddenText", "error.forbiddenTextForCandidates");

	/** The pages candidates use: the public pages and Min side. */
	static boolean forCandidates(String path) {
		return path.startsWith("/s/") || path.startsWith("/kiosk/") || path.startsWith("/book/") || path.equals("/lobby")
				|| path.startsWith("/lobby/") || path.equals("/accessibility") || path.equals("/min-side")
				|| path.startsWith("/min-side/");
	}

	private String messageKey(HttpServletRequest request, int status, Locale locale) {
		for (Throwable e = errors.getError(new ServletWebRequest(request)); e != null; e = e.getCause()) {
			if (e instanceof InvalidInput invalid) {
				return invalid.messageKey();
			}
			if (e instanceof ResponseStatusException rse && rse.getReason() != null
					&& messages.getMessage(rse.getReason(), null, null, locale) != null) {
				return rse.getReason();
			}
			if (e.getCause() == e) {
				break;
			}
		}
		return switch (status) {
			case 400 -> "error.badRequest";
			case 403 -> "error.forbiddenText";
			case 404 -> "error.notFoundText";
			case 405 -> "error.methodNotAllowed";
			case 409 -> "error.conflict";
			case 413 -> "error.tooLarge";
			default -> status < 500 ? "error.badRequest" : "error.text";
		};
	}
}
