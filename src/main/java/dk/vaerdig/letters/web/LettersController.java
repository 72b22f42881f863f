package dk.vaerdig.letters.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.NoPersonalData;

/** The letters start page. */
@NoPersonalData("an index page of links")
@Controller
class LettersController {

	@GetMapping("/letters")
	@PreAuthorize("hasAnyRole('COMMUNICATION','ADMIN','CASEWORKER','TEAM_LEAD')")
	String index() {
		return "letters/index";
	}
}
