package dk.vaerdig.platform.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dk.vaerdig.platform.JobCentre;

/**
 * What the layout needs on every page: the current address for the language switch, and the job centre's name,
 * phone and opening hours for the pages without login.
 */
@ControllerAdvice
class LayoutModel {

	private final JobCentre jobCentre;

	LayoutModel(JobCentre jobCentre) {
		this.jobCentre = jobCentre;
	}

	@ModelAttribute("jobCentre")
	JobCentre.Contact jobCentre(Locale locale) {
		return jobCentre.contact(locale);
	}

	/**
	 * The current path and query without {@code lang}, so a language link keeps the user's place and filters. Only the
	 * query string is kept, never posted form fields: a form may hold a CPR number, which must not end up in a URL.
	 */
	@ModelAttribute("langBase")
	String langBase(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = "";
		if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
			query = Arrays.stream(request.getQueryString().split("&"))
				.filter(p -> !p.isEmpty() && !p.startsWith("lang=") && !p.startsWith("_csrf="))
				.collect(Collectors.joining("&"));
		}
		return path + "?" + (query.isEmpty() ? "" : query + "&") + "lang=";
	}
}
