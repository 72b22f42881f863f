package dk.vaerdig.portal.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
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
import dk.vaerdig.casework.OwnCaseFile;
import dk.vaerdig.casework.OwnContact;
import dk.vaerdig.casework.OwnCourses;
import dk.vaerdig.messaging.PreferredChannel;
import dk.vaerdig.portal.web.ContactForms.MessageForm;
import dk.vaerdig.portal.web.ContactForms.PreferenceForm;

/**
 * The candidate's messages with the job centre ("Beskeder") and how they want to be contacted ("Sådan vil jeg
 * kontaktes"). Both read and write only the signed-in candidate's own case ({@link OwnContact} takes the candidate
 * from the login); each read is written to the audit log with the candidate as actor. A form with an error is shown
 * again with what was typed; a message sent twice (the same form) is written once; a choice made on a page that was
 * changed since (another tab) is not stored, and the page says so.
 */
@Controller
class MinSideContactController {

	private final OwnContact contact;

	private final OwnCaseFile caseFile;

	private final OwnCourses courses;

	private final PersonalDataReads reads;

	MinSideContactController(OwnContact contact, OwnCaseFile caseFile, OwnCourses courses, PersonalDataReads reads) {
		this.contact = contact;
		this.caseFile = caseFile;
		this.courses = courses;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/min-side/beskeder")
	String messages(Model model) {
		model.addAttribute("form", MessageForm.empty());
		return messagesPage(model);
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@PostMapping("/min-side/beskeder")
	String write(@Valid @ModelAttribute("form") MessageForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return messagesPage(model);
		}
		boolean written = contact.write(form.body(), form.requestId());
		reads.shown(List.of(courses.myId()), "min side: message written");
		redirect.addFlashAttribute("flash", written ? "contact.messages.sent" : "contact.messages.alreadySent");
		return "redirect:/min-side/beskeder";
	}

	private String messagesPage(Model model) {
		model.addAttribute("messages", contact.thread());
		reads.shown(List.of(courses.myId()), "min side: messages");
		return "portal/messages";
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping("/min-side/kontakt")
	String preference(Model model) {
		model.addAttribute("form", PreferenceForm.of(contact.preference()));
		return preferencePage(model);
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping("/min-side/kontakt")
	String choose(@Valid @ModelAttribute("form") PreferenceForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.needsInterpreter() && (form.interpreterLanguage() == null || form.interpreterLanguage().isBlank())) {
			errors.rejectValue("interpreterLanguage", "contact.form.interpreterLanguage.required");
		}
		if (!errors.hasErrors()) {
			try {
				contact.choose(form.wanted());
				reads.shown(List.of(courses.myId()), "min side: contact preference changed");
				redirect.addFlashAttribute("flash", "contact.preference.saved");
				return "redirect:/min-side/kontakt";
			}
			catch (OptimisticLockingFailureException e) {
				errors.reject("contact.preference.conflict");
				model.addAttribute("current", contact.preference());
			}
		}
		return preferencePage(model);
	}

	private String preferencePage(Model model) {
		OwnCaseFile.Details details = caseFile.details();
		model.addAttribute("channels", PreferredChannel.values());
		model.addAttribute("hasPhone", details.phone() != null && !details.phone().isBlank());
		model.addAttribute("hasEmail", details.email() != null && !details.email().isBlank());
		reads.shown(List.of(courses.myId()), "min side: contact preference");
		return "portal/contact";
	}
}
