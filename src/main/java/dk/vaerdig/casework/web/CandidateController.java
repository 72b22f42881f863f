package dk.vaerdig.casework.web;

import java.util.Locale;

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
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.internal.CaseFiles;
import dk.vaerdig.casework.internal.CaseFiles.AlreadyRegistered;
import dk.vaerdig.casework.internal.CaseFiles.Registration;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.TargetGroups;
import dk.vaerdig.casework.internal.Timeliness;
import dk.vaerdig.platform.Cpr;
import dk.vaerdig.platform.web.JteViews;

/** Registering a candidate and the case page. */
@Controller
class CandidateController {

	/** The case page, in jte (src/main/jte/casework/web/case.jte; see {@link dk.vaerdig.platform.web.JteViews}). */
	static final String CASE_PAGE = JteViews.PREFIX + "casework/web/case";

	private final CaseFiles caseFiles;

	private final CasePages pages;

	private final CaseAccess access;

	private final TargetGroups targetGroups;

	private final StaffDirectory staff;

	private final Timeliness timeliness;

	CandidateController(CaseFiles caseFiles, CasePages pages, CaseAccess access, TargetGroups targetGroups,
			StaffDirectory staff, Timeliness timeliness) {
		this.caseFiles = caseFiles;
		this.pages = pages;
		this.access = access;
		this.targetGroups = targetGroups;
		this.staff = staff;
		this.timeliness = timeliness;
	}

	@NoPersonalData("an empty registration form")
	@GetMapping("/cases/new")
	String newCandidate(Model model) {
		access.requireChanges();
		model.addAttribute("form", CandidateForm.empty(timeliness.today(), access.me().username()));
		return registrationPage(model);
	}

	@NoPersonalData("shows back what the user typed; the registration is logged as a change by CaseFiles")
	@PostMapping("/cases/new")
	String register(@Valid @ModelAttribute("form") CandidateForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		access.requireChanges();
		if (!errors.hasErrors() && targetGroups.find(form.targetGroupCode()).isEmpty()) {
			errors.rejectValue("targetGroupCode", "form.invalidChoice");
		}
		if (errors.hasErrors()) {
			return registrationPage(model);
		}
		try {
			var candidate = caseFiles.register(new Registration(Cpr.of(form.cpr()), form.firstName(), form.lastName(),
					form.phone(), form.email(), form.address(), form.targetGroupCode(), form.courseStarted(),
					form.caseworker()));
			redirect.addFlashAttribute("flash", "casework.candidate.registered");
			return "redirect:/cases/" + candidate.getId();
		}
		catch (AlreadyRegistered e) {
			errors.rejectValue("cpr", "casework.candidate.exists");
			model.addAttribute("existingId", e.existingId());
			return registrationPage(model);
		}
		catch (IllegalArgumentException e) {
			errors.rejectValue("caseworker", "form.invalidChoice");
			return registrationPage(model);
		}
	}

	private String registrationPage(Model model) {
		model.addAttribute("targetGroups", targetGroups.validOn(timeliness.today()));
		model.addAttribute("caseworkers", staff.caseworkers());
		return "casework/new";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/cases/{id}")
	String casePage(@PathVariable long id, Model model, Locale locale) {
		model.addAttribute("page", pages.casePage(caseFiles.view(id), locale));
		model.addAttribute("noteForm", NoteForm.empty());
		return CASE_PAGE;
	}

	/** Reveals the full CPR number (a logged action); POST so the number never travels in a URL. */
	@ReadsPersonalData(value = AuditAction.REVEAL_CPR, candidate = "id")
	@PostMapping("/cases/{id}/cpr")
	String revealCpr(@PathVariable long id, Model model, Locale locale) {
		var candidate = caseFiles.revealCpr(id);
		model.addAttribute("page", pages.casePage(candidate, locale));
		model.addAttribute("revealedCpr", candidate.getCpr().value());
		model.addAttribute("noteForm", NoteForm.empty());
		return CASE_PAGE;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/cases/{id}/notes")
	String addNote(@PathVariable long id, @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult errors,
			Model model, Locale locale, RedirectAttributes redirect) {
		access.change(id);
		if (errors.hasErrors()) {
			model.addAttribute("page", pages.casePage(caseFiles.view(id), locale));
			return CASE_PAGE;
		}
		caseFiles.addNote(id, form.text(), form.isInternal());
		redirect.addFlashAttribute("flash", "casework.note.saved");
		return "redirect:/cases/" + id + "#timeline";
	}
}
