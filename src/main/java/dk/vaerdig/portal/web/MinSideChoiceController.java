package dk.vaerdig.portal.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.OwnActions;
import dk.vaerdig.casework.OwnCaseFile;
import dk.vaerdig.casework.OwnCourses;
import dk.vaerdig.portal.web.MinSideForms.ChoiceForm;

/**
 * The candidate chooses one of the offers put forward in their plan, or asks for something else, with their own
 * reason; the choice is recorded as theirs ({@link OwnActions#chooseOffer}). Bad input shows the plan again with a
 * clear message and what was typed; a good choice redirects to the plan (post-redirect-get).
 */
@Controller
class MinSideChoiceController {

	private final OwnActions actions;

	private final OwnCaseFile caseFile;

	private final OwnCourses courses;

	private final PersonalDataReads reads;

	MinSideChoiceController(OwnActions actions, OwnCaseFile caseFile, OwnCourses courses, PersonalDataReads reads) {
		this.actions = actions;
		this.caseFile = caseFile;
		this.courses = courses;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping("/min-side/plan/valg")
	String choose(@Valid @ModelAttribute("choiceForm") ChoiceForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				actions.chooseOffer(form.requestId(), form.offerId(), form.reason());
				redirect.addFlashAttribute("flash", form.offerId() == null ? "choices.choose.savedElse" : "choices.choose.saved");
				return "redirect:/min-side/plan";
			}
			catch (OwnActions.Refused e) {
				errors.reject(e.getMessage());
			}
		}
		model.addAttribute("plan", caseFile.plan());
		reads.shown(List.of(courses.myId()), "min side: plan");
		return "portal/plan";
	}
}
