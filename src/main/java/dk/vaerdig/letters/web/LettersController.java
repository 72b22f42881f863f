package dk.vaerdig.letters.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.NoPersonalData;

/** The letters start page. */
@NoPersonalData("an index page of links")
@Controller
class LettersController {

	@GetMapping("/letters")
	@RequiresPermission(Permission.USE_LETTERS)
	String index() {
		return "letters/index";
	}
}
