package dk.vaerdig.portal.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.OwnActions;
import dk.vaerdig.casework.OwnCourses;
import dk.vaerdig.portal.web.MinSideForms.DoneForm;
import dk.vaerdig.portal.web.MinSideForms.ItemChangeForm;
import dk.vaerdig.portal.web.MinSideForms.ItemForm;

/**
 * "Forbered dit møde": the candidate adds their own items for the next meeting, changes or deletes them until the
 * meeting begins, and marks their own agreements done with a short note. Only the signed-in candidate's own items and
 * agreements: an id of another's answers as a missing one (404). Every change redirects back to the page (PRG); bad
 * input shows the page again with a clear message next to the form it concerns and what was typed.
 */
@Controller
class MinSidePrepareController {

	static final String PAGE = "/min-side/forbered";

	private final OwnActions actions;

	private final OwnCourses courses;

	private final PersonalDataReads reads;

	MinSidePrepareController(OwnActions actions, OwnCourses courses, PersonalDataReads reads) {
		this.actions = actions;
		this.courses = courses;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping(PAGE)
	String page(Model model) {
		model.addAttribute("itemForm", ItemForm.blank());
		return page(model, null, null);
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping(PAGE + "/punkter")
	String add(@Valid @ModelAttribute("itemForm") ItemForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				actions.addItem(form.requestId(), form.text());
				return saved(redirect, "choices.prepare.added");
			}
			catch (OwnActions.Refused e) {
				errors.reject(e.getMessage());
			}
		}
		return page(model, null, null);
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping(PAGE + "/punkter/{itemId}")
	String change(@PathVariable long itemId, @Valid @ModelAttribute("changeForm") ItemChangeForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		String problem = errors.hasErrors() ? errors.getAllErrors().get(0).getDefaultMessage() : null;
		if (problem == null) {
			try {
				actions.changeItem(itemId, form.text(), form.version());
				return saved(redirect, "choices.prepare.changed");
			}
			catch (OwnActions.Refused e) {
				problem = "{" + e.getMessage() + "}";
			}
		}
		model.addAttribute("itemForm", ItemForm.blank());
		return page(model, new Problem(itemId, key(problem), form.text()), null);
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping(PAGE + "/punkter/{itemId}/slet")
	String delete(@PathVariable long itemId, Model model, RedirectAttributes redirect) {
		try {
			actions.deleteItem(itemId);
			return saved(redirect, "choices.prepare.deleted");
		}
		catch (OwnActions.Refused e) {
			model.addAttribute("itemForm", ItemForm.blank());
			return page(model, new Problem(itemId, e.getMessage(), null), null);
		}
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping(PAGE + "/aftaler/{agreementId}")
	String done(@PathVariable long agreementId, @Valid @ModelAttribute("doneForm") DoneForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		String problem = errors.hasErrors() ? errors.getAllErrors().get(0).getDefaultMessage() : null;
		if (problem == null) {
			try {
				actions.markDone(agreementId, form.note());
				return saved(redirect, "choices.agreement.saved");
			}
			catch (OwnActions.Refused e) {
				problem = "{" + e.getMessage() + "}";
			}
		}
		model.addAttribute("itemForm", ItemForm.blank());
		return page(model, null, new Problem(agreementId, key(problem), form.note()));
	}

	/** What went wrong with one item's or agreement's form: the message key and what was typed. */
	record Problem(long id, String messageKey, String typed) {
	}

	private String page(Model model, Problem item, Problem agreement) {
		model.addAttribute("preparation", actions.preparation());
		model.addAttribute("agreements", actions.openAgreements());
		model.addAttribute("itemProblem", item);
		model.addAttribute("agreementProblem", agreement);
		reads.shown(List.of(courses.myId()), "min side: prepare the meeting");
		return "portal/prepare";
	}

	private static String saved(RedirectAttributes redirect, String flash) {
		redirect.addFlashAttribute("flash", flash);
		return "redirect:" + PAGE;
	}

	/** A message template such as {@code {choices.tooLong}} as its key. */
	private static String key(String template) {
		return template.startsWith("{") ? template.substring(1, template.length() - 1) : template;
	}
}
