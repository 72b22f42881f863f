package dk.vaerdig.casework.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.ReformFigures;
import dk.vaerdig.casework.internal.Candidate;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.Exemptions;
import dk.vaerdig.casework.internal.Exemptions.Ending;
import dk.vaerdig.casework.internal.Exemptions.Kind;
import dk.vaerdig.casework.internal.Exemptions.Refused;
import dk.vaerdig.casework.internal.Exemptions.Registration;
import dk.vaerdig.casework.internal.GroupChanges;
import dk.vaerdig.casework.internal.TargetGroups;
import dk.vaerdig.casework.web.ExemptionForms.EndForm;
import dk.vaerdig.casework.web.ExemptionForms.ExemptionForm;
import dk.vaerdig.casework.web.ExemptionForms.GroupChangeForm;

/**
 * The reform's exemption register of a case (from job conversations and/or offers in the first 6 months, or from
 * follow-up while on sick leave), and the change of target group. The rules live in {@link Exemptions} and
 * {@link GroupChanges}.
 */
@Controller
@RequestMapping("/cases/{id}")
class ExemptionController {

	private final Exemptions exemptions;

	private final GroupChanges groupChanges;

	private final CaseAccess access;

	private final TargetGroups targetGroups;

	private final ReformFigures figures;

	ExemptionController(Exemptions exemptions, GroupChanges groupChanges, CaseAccess access, TargetGroups targetGroups,
			ReformFigures figures) {
		this.figures = figures;
		this.exemptions = exemptions;
		this.groupChanges = groupChanges;
		this.access = access;
		this.targetGroups = targetGroups;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/exemptions")
	String page(@PathVariable long id, Model model, Locale locale) {
		Candidate c = access.open(id);
		model.addAttribute("form", new ExemptionForm(null, "", null, null, null, UUID.randomUUID()));
		model.addAttribute("groupForm", new GroupChangeForm("", null, c.getVersion()));
		return page(c, model, locale);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/exemptions")
	String register(@PathVariable long id, @Valid @ModelAttribute("form") ExemptionForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, Locale locale) {
		Candidate c = access.change(id);
		if (!errors.hasErrors()) {
			try {
				boolean done = exemptions.register(id, new Registration(form.kind(), form.reason(), form.startsOn(),
						form.endsOn(), form.expectedBack(), form.requestId()));
				redirect.addFlashAttribute("flash", done ? "casework.exemption.registered" : "casework.outcome.alreadyDone");
				return "redirect:/cases/" + id + "/exemptions";
			}
			catch (Refused e) {
				errors.rejectValue(e.field(), e.getMessage(), e.args(), e.getMessage());
			}
		}
		model.addAttribute("groupForm", new GroupChangeForm("", null, c.getVersion()));
		return page(c, model, locale);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/exemptions/{exemption}/end")
	String end(@PathVariable long id, @PathVariable long exemption, @Valid @ModelAttribute("endForm") EndForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, Locale locale) {
		Candidate c = access.change(id);
		if (!errors.hasErrors()) {
			try {
				exemptions.end(id, new Ending(exemption, form.endedOn(), form.reason(), form.version()));
				redirect.addFlashAttribute("flash", "casework.exemption.ended");
				return "redirect:/cases/" + id + "/exemptions";
			}
			catch (Refused e) {
				errors.rejectValue(e.field(), e.getMessage(), e.args(), e.getMessage());
			}
			catch (OptimisticLockingFailureException e) {
				errors.reject("casework.exemption.conflict");
			}
		}
		model.addAttribute("endingId", exemption);
		model.addAttribute("form", new ExemptionForm(null, "", null, null, null, UUID.randomUUID()));
		model.addAttribute("groupForm", new GroupChangeForm("", null, c.getVersion()));
		return page(c, model, locale);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/target-group")
	String changeGroup(@PathVariable long id, @Valid @ModelAttribute("groupForm") GroupChangeForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, Locale locale) {
		Candidate c = access.change(id);
		if (!errors.hasErrors()) {
			try {
				groupChanges.change(id, form.targetGroup(), form.changedOn(), form.version());
				redirect.addFlashAttribute("flash", "casework.groupChange.done");
				return "redirect:/cases/" + id + "/exemptions";
			}
			catch (Refused e) {
				errors.rejectValue(e.field(), e.getMessage(), e.args(), e.getMessage());
			}
			catch (OptimisticLockingFailureException e) {
				errors.reject("casework.groupChange.conflict");
			}
		}
		model.addAttribute("form", new ExemptionForm(null, "", null, null, null, UUID.randomUUID()));
		return page(c, model, locale);
	}

	private String page(Candidate c, Model model, Locale locale) {
		model.addAttribute("candidate", c);
		model.addAttribute("exemptions", exemptions.of(c.getId()));
		model.addAttribute("window", exemptions.windowOn(c.getId(), today()).orElse(null));
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("today", today());
		model.addAttribute("groups", targetGroups.validOn(today()));
		model.addAttribute("targetGroup", targetGroups.find(c.getTargetGroupCode()).map(g -> g.name(locale))
			.orElse(c.getTargetGroupCode()));
		model.addAttribute("mayChange", !c.isCourseClosed() && access.me().mayChangeCasesOfTeam(c.getTeamId()));
		// the municipality's share this month against the ceiling (at most a minute old; a registration checks exactly)
		YearMonth month = YearMonth.from(today());
		model.addAttribute("thisMonth", figures.months(month, month).get(0));
		if (!model.containsAttribute("endForm")) {
			model.addAttribute("endForm", new EndForm(today(), "", 0));
		}
		return "casework/exemptions";
	}

	private LocalDate today() {
		return exemptions.today();
	}
}
