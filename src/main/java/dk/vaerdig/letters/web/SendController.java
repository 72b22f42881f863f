package dk.vaerdig.letters.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
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
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.casework.CandidateSummary;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.letters.internal.LetterRouting;
import dk.vaerdig.letters.internal.LetterSending;
import dk.vaerdig.letters.internal.LetterSending.NotSendable;
import dk.vaerdig.letters.internal.LetterTemplates;

/** A caseworker sends an approved letter to a candidate of their team; the form carries a request id. */
@Controller
@RequestMapping("/letters/send/{candidateId}")
@RequiresPermission(Permission.SEND_LETTERS)
class SendController {

	record Choice(long versionId, String name, int number) {
	}

	private final LetterSending sending;

	private final LetterTemplates templates;

	private final Casework casework;

	SendController(LetterSending sending, LetterTemplates templates, Casework casework) {
		this.sending = sending;
		this.casework = casework;
		this.templates = templates;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "candidateId")
	@GetMapping
	String form(@PathVariable long candidateId, Model model) {
		model.addAttribute("form", new SendForm(null, "", "", "", UUID.randomUUID()));
		return page(candidateId, model);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "candidateId")
	@PostMapping
	String send(@PathVariable long candidateId, @Valid @ModelAttribute("form") SendForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(candidateId, model);
		}
		try {
			sending.send(form.requestId(), candidateId, form.versionId(), form.meetingTime(), form.meetingPlace(),
					form.deadline());
		}
		catch (NotSendable e) {
			if (e.missing().isEmpty()) {
				errors.rejectValue("versionId", "letters.send.notApproved");
			}
			else {
				errors.reject("letters.send.missingFields", new Object[] { String.join(", ", e.missing()) }, null);
			}
			return page(candidateId, model);
		}
		redirect.addFlashAttribute("flash", "letters.send.sent");
		return "redirect:/cases/" + candidateId;
	}

	private String page(long candidateId, Model model) {
		CandidateSummary candidate = sending.candidate(candidateId);
		List<Choice> choices = templates.templates()
			.stream()
			.flatMap(t -> templates.approved(t.id()).stream().map(v -> new Choice(v.id(), t.name(), v.number())))
			.toList();
		model.addAttribute("candidate", candidate);
		model.addAttribute("choices", choices);
		// how the letter will go, and what the writer must keep in mind: an interpreter, easy-read, English
		var preference = casework.contactPreference(candidateId);
		model.addAttribute("preference", preference);
		model.addAttribute("route", LetterRouting.route(preference.channel()));
		return "letters/send";
	}
}
