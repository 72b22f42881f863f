package dk.vaerdig.casework.web;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.TargetGroups;
import dk.vaerdig.casework.internal.Timeliness;

/** Overdue meetings per caseworker and team, and the contact rules in force. */
@Controller
class TimelinessController {

	private final Timeliness timeliness;

	private final CaseAccess access;

	private final TargetGroups targetGroups;

	TimelinessController(Timeliness timeliness, CaseAccess access, TargetGroups targetGroups) {
		this.timeliness = timeliness;
		this.access = access;
		this.targetGroups = targetGroups;
	}

	@NoPersonalData("counts of overdue meetings per caseworker; no candidate")
	@GetMapping("/timeliness")
	String overview(Model model, Locale locale) {
		Long scope = access.teamScope();
		model.addAttribute("rows", timeliness.overdueByCaseworker(scope));
		model.addAttribute("rules", timeliness.rules());
		model.addAttribute("today", timeliness.today());
		// the rules by the target group's name, not its code
		model.addAttribute("targetGroupNames", targetGroups.all()
			.stream()
			.collect(Collectors.toMap(TargetGroups.TargetGroup::code, g -> g.name(locale), (a, b) -> a)));
		return "casework/timeliness";
	}
}
