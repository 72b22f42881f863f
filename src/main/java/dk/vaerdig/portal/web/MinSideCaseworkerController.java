package dk.vaerdig.portal.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.OwnActions;
import dk.vaerdig.casework.OwnCourses;
import dk.vaerdig.portal.web.MinSideForms.CaseworkerForm;

/**
 * The candidate asks for a new caseworker from Min side: the existing change request
 * ({@link OwnActions#requestNewCaseworker}), with or without a reason; the page then says that we have the wish and
 * what happens next.
 */
@Controller
class MinSideCaseworkerController {

	static final String PAGE = "/min-side/ny-jobkonsulent";

	private final OwnActions actions;

	private final OwnCourses courses;

	private final PersonalDataReads reads;

	MinSideCaseworkerController(OwnActions actions, OwnCourses courses, PersonalDataReads reads) {
		this.actions = actions;
		this.courses = courses;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping(PAGE)
	String form(Model model) {
		model.addAttribute("form", CaseworkerForm.blank());
		return page(model);
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping(PAGE)
	String ask(@Valid @ModelAttribute("form") CaseworkerForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				actions.requestNewCaseworker(form.requestId(), form.reason());
				redirect.addFlashAttribute("flash", "choices.caseworker.saved");
				return "redirect:" + PAGE;
			}
			catch (OwnActions.Refused e) {
				errors.reject(e.getMessage());
			}
		}
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("pending", actions.pendingChangeRequest().orElse(null));
		reads.shown(List.of(courses.myId()), "min side: ask for a new caseworker");
		return "portal/new-caseworker";
	}
}
