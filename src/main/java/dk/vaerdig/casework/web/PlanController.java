package dk.vaerdig.casework.web;

import java.util.List;

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
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.PlanService;
import dk.vaerdig.casework.web.PlanForms.ChangeDecisionForm;
import dk.vaerdig.casework.web.PlanForms.ChoiceForm;
import dk.vaerdig.casework.web.PlanForms.GoalForm;
import dk.vaerdig.casework.web.PlanForms.OfferForm;

/** Min plan: goals, offers put forward, and the candidate's own choice with the reason. */
@Controller
@RequestMapping("/cases/{id}/plan")
class PlanController {

	private final PlanService plan;

	private final CaseAccess access;

	PlanController(PlanService plan, CaseAccess access) {
		this.plan = plan;
		this.access = access;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping
	String show(@PathVariable long id, Model model) {
		model.addAttribute("goalForm", new GoalForm(""));
		model.addAttribute("offerForm", new OfferForm(null, "", ""));
		model.addAttribute("choiceForm", new ChoiceForm("", ""));
		return page(id, model);
	}

	/** A decision already made changes only with a reason, and the change shows who made it and why. */
	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/decision")
	String change(@PathVariable long id, @Valid @ModelAttribute("changeForm") ChangeDecisionForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		access.change(id);
		if (!errors.hasErrors()) {
			try {
				plan.changeDecision(id, form.offerId(), form.status(), form.reason(), form.version());
				return saved(id, redirect);
			}
			catch (IllegalStateException e) {
				errors.reject(e.getMessage());
			}
			catch (OptimisticLockingFailureException e) {
				errors.reject("form.conflict");
			}
		}
		model.addAttribute("goalForm", new GoalForm(""));
		model.addAttribute("offerForm", new OfferForm(null, "", ""));
		model.addAttribute("choiceForm", new ChoiceForm("", ""));
		return page(id, model);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/goals")
	String addGoal(@PathVariable long id, @Valid @ModelAttribute("goalForm") GoalForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		access.change(id);
		if (errors.hasErrors()) {
			model.addAttribute("offerForm", new OfferForm(null, "", ""));
			model.addAttribute("choiceForm", new ChoiceForm("", ""));
			return page(id, model);
		}
		plan.addGoal(id, form.text());
		return saved(id, redirect);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/offers")
	String propose(@PathVariable long id, @Valid @ModelAttribute("offerForm") OfferForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		access.change(id);
		if (errors.hasErrors()) {
			model.addAttribute("goalForm", new GoalForm(""));
			model.addAttribute("choiceForm", new ChoiceForm("", ""));
			return page(id, model);
		}
		plan.proposeOffer(id, form.kind(), form.title(), form.description());
		return saved(id, redirect);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/choice")
	String choose(@PathVariable long id, @Valid @ModelAttribute("choiceForm") ChoiceForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		access.change(id);
		if (!errors.hasErrors()) {
			try {
				plan.recordChoice(id, form.offerId(), form.reason());
				return saved(id, redirect);
			}
			catch (IllegalStateException e) {
				errors.reject(e.getMessage());
			}
		}
		model.addAttribute("goalForm", new GoalForm(""));
		model.addAttribute("offerForm", new OfferForm(null, "", ""));
		return page(id, model);
	}

	private String saved(long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", "casework.plan.saved");
		return "redirect:/cases/" + id + "/plan";
	}

	private String page(long id, Model model) {
		var candidate = access.open(id);
		model.addAttribute("candidate", candidate);
		model.addAttribute("goals", plan.goals(id));
		var offers = plan.offers(id);
		model.addAttribute("offers", offers);
		model.addAttribute("openOffers", offers.stream().filter(o -> o.status() == PlanService.OfferStatus.PROPOSED).toList());
		model.addAttribute("offerKinds", PlanService.OfferKind.values());
		model.addAttribute("decidedOffers", offers.stream().filter(o -> o.status() != PlanService.OfferStatus.PROPOSED).toList());
		model.addAttribute("decisions", List.of(PlanService.OfferStatus.CHOSEN, PlanService.OfferStatus.NOT_CHOSEN,
				PlanService.OfferStatus.DECLINED));
		model.addAttribute("history", plan.history(id));
		if (!model.containsAttribute("changeForm")) {
			model.addAttribute("changeForm", new ChangeDecisionForm("", null, ""));
		}
		// a complaint handler reads the plan, with the candidate's choices, but gets no forms
		// and a closed course is read-only for everyone until it is reopened
		model.addAttribute("mayChange", access.mayChange() && !candidate.isCourseClosed());
		return "casework/plan";
	}
}
