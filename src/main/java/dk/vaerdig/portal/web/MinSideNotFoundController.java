package dk.vaerdig.portal.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import dk.vaerdig.access.NoPersonalData;

/**
 * The candidate's own "not found" page for every address under {@code /min-side/} that is no page, and for a record
 * that is not the candidate's ({@link MinSideAdvice} forwards here): plain Danish, with the candidate's navigation,
 * answered inside the candidate's chain (the general error page is served where the candidate's login is not read).
 */
@Controller
class MinSideNotFoundController {

	static final String NOT_FOUND = "/min-side/ikke-fundet";

	@NoPersonalData("the candidate's not-found page: nothing about anyone")
	@RequestMapping({ "/min-side/**" })
	String notFound(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "portal/not-found";
	}
}
