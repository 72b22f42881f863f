package dk.vaerdig.platform.web;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the current address for the language switch. */
@ControllerAdvice
class LayoutModel {

	/**
	 * The current path and query without {@code lang}, so a language link keeps the user's place and filters. Only the
	 * query string is kept, never posted form fields: a form may hold a CPR number, which must not end up in a URL.
	 */
	@ModelAttribute("langBase")
	String langBase(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = "";
		if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
			query = java.util.Arrays.stream(request.getQueryString().split("&"))
				.filter(p -> !p.isEmpty() && !p.startsWith("lang=") && !p.startsWith("_csrf="))
				.collect(Collectors.joining("&"));
		}
		return path + "?" + (query.isEmpty() ? "" : query + "&") + "lang=";
	}
}
