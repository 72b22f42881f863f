package dk.vaerdig.casework.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.Timeliness;

/** Overdue meetings per caseworker and team, and the contact rules in force. */
@Controller
class TimelinessController {

	private final Timeliness timeliness;

	private final CaseAccess access;

	TimelinessController(Timeliness timeliness, CaseAccess access) {
		this.timeliness = timeliness;
		this.access = access;
	}

	@GetMapping("/timeliness")
	String overview(Model model) {
		Long scope = access.teamScope();
		model.addAttribute("rows", timeliness.overdueByCaseworker(scope));
		model.addAttribute("rules", timeliness.rules());
		model.addAttribute("today", timeliness.today());
		return "casework/timeliness";
	}
}
