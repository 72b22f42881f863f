package dk.vaerdig.access.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.CandidateLoginOption;
import dk.vaerdig.access.NoPersonalData;

/**
 * The candidates' login entry ({@code /min-side/login}), apart from the staff login: it lists the ways in that are
 * configured ({@link CandidateLoginOption} beans): the demo's test login, MitID through NemLog-in.
 */
@Controller
class CandidateLoginController {

	private final List<CandidateLoginOption> options;

	CandidateLoginController(List<CandidateLoginOption> options) {
		this.options = options;
	}

	@NoPersonalData("the candidates' login page: the ways to log in, no one's data")
	@GetMapping("/min-side/login")
	String login(Model model) {
		model.addAttribute("options", options);
		return "access/candidate-login";
	}
}
