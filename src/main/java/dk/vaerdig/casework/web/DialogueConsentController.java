package dk.vaerdig.casework.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.DialogueConsents;

/** The candidate's yes (or no more) to being asked to a dialogue meeting with the politicians, on the case. */
@Controller
@RequiresPermission(Permission.READ_CASES)
class DialogueConsentController {

	private final DialogueConsents consents;

	private final Casework casework;

	private final StaffDirectory staff;

	DialogueConsentController(DialogueConsents consents, Casework casework, StaffDirectory staff) {
		this.consents = consents;
		this.casework = casework;
		this.staff = staff;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/cases/{id}/dialogue-consent")
	String page(@PathVariable long id, Model model) {
		model.addAttribute("history", consents.history(id));
		model.addAttribute("current", consents.history(id).stream().filter(DialogueConsents.Consent::standing).findFirst().orElse(null));
		model.addAttribute("candidate", casework.candidate(id).orElseThrow());
		model.addAttribute("mayChange", casework.mayChangeCase(id));
		model.addAttribute("today", LocalDate.now());
		return "casework/dialogue-consent";
	}

	@NoPersonalData("records the consent (the service logs the change) and redirects; shows nothing")
	@PostMapping("/cases/{id}/dialogue-consent")
	@RequiresPermission(Permission.CHANGE_CASES)
	String give(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate givenOn,
			RedirectAttributes redirect) {
		try {
			consents.give(id, givenOn, staff.currentStaff().username());
			redirect.addFlashAttribute("flash", "casework.dialogueConsent.given");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", "casework.dialogueConsent.badDate");
		}
		return "redirect:/cases/" + id + "/dialogue-consent";
	}

	@NoPersonalData("revokes the consent (the service logs the change) and redirects; shows nothing")
	@PostMapping("/cases/{id}/dialogue-consent/revoke")
	@RequiresPermission(Permission.CHANGE_CASES)
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		consents.revoke(id, staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "casework.dialogueConsent.revoked");
		return "redirect:/cases/" + id + "/dialogue-consent";
	}
}
