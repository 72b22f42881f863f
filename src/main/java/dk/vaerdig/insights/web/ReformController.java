package dk.vaerdig.insights.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.SignedIn;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.ReformFigures.PersonAtRisk;
import dk.vaerdig.insights.internal.ReformPage;

/**
 * The reform's page: per month the share exempted against the 25 % ceiling and the 75 % rule, under the rules in force
 * each month, per team for a chosen month, and the persons at risk of being missed. Names only for roles that read
 * the cases of the team (the team lead their team, the manager all); politicians see counts per team under the
 * anonymity threshold.
 */
@Controller
@RequiresPermission(Permission.VIEW_REFORM)
class ReformController {

	private final ReformPage page;

	private final SignedIn signedIn;

	private final Casework casework;

	private final PersonalDataReads reads;

	ReformController(ReformPage page, SignedIn signedIn, Casework casework, PersonalDataReads reads) {
		this.page = page;
		this.signedIn = signedIn;
		this.casework = casework;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/reform")
	String page(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
			@RequestParam(required = false) YearMonth month, Model model) {
		YearMonth[] period = page.defaultPeriod();
		model.addAttribute("f", page.figures(from != null ? from : period[0], to != null ? to : period[1], month));
		model.addAttribute("groupRules", page.groupRules());
		StaffMember me = signedIn.staff();
		if (me.may(Permission.READ_CASES)) {
			List<PersonAtRisk> risks = page.risks(me.teamScope());
			Map<Long, String> names = casework.namesVisibleToMe(risks.stream().map(PersonAtRisk::candidateId).toList());
			reads.shown(names.keySet(), "reform: persons at risk of the 75 % rule");
			model.addAttribute("risks", page.atRisk(risks, names));
			model.addAttribute("riskCount", names.size());
		}
		else {
			reads.shown(List.of());
			model.addAttribute("riskCounts", page.atRiskCounts(page.risks(null)));
		}
		return "insights/reform";
	}
}
