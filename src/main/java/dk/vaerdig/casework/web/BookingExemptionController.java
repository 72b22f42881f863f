package dk.vaerdig.casework.web;

import java.time.ZoneId;
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
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.internal.BookingExemptions;
import dk.vaerdig.casework.internal.BookingExemptions.Reason;
import dk.vaerdig.casework.internal.Candidate;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.web.CalendarForms.BookingExemptionForm;

/**
 * A case's self-booking: whether the candidate is exempted (IT skills, language, cognitive impairment, another
 * reason), exempting them, and ending an exemption. The rules live in {@link BookingExemptions}.
 */
@Controller
@RequestMapping("/cases/{id}/selvbook")
class BookingExemptionController {

	private final BookingExemptions exemptions;

	private final CaseAccess access;

	BookingExemptionController(BookingExemptions exemptions, CaseAccess access) {
		this.exemptions = exemptions;
		this.access = access;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping
	String page(@PathVariable long id, Model model) {
		model.addAttribute("form", new BookingExemptionForm(null, "", UUID.randomUUID()));
		return page(access.open(id), model);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping
	String exempt(@PathVariable long id, @Valid @ModelAttribute("form") BookingExemptionForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Candidate c = access.change(id);
		if (!errors.hasErrors() && form.reason() == Reason.OTHER && (form.note() == null || form.note().isBlank())) {
			errors.rejectValue("note", "selvbook.exemption.noteRequired");
		}
		if (!errors.hasErrors()) {
			boolean done = exemptions.exempt(id, form.reason(), form.note(), form.requestId());
			redirect.addFlashAttribute("flash", done ? "selvbook.exemption.registered" : "selvbook.exemption.already");
			return "redirect:/cases/" + id + "/selvbook";
		}
		return page(c, model);
	}

	/** Ending the exemption shown, by its id: a second submit finds it ended and says so. */
	record EndForm(@jakarta.validation.constraints.NotNull Long exemptionId) {
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/end")
	String end(@PathVariable long id, @Valid @ModelAttribute("endForm") EndForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Candidate c = access.change(id);
		if (errors.hasErrors()) {
			model.addAttribute("form", new BookingExemptionForm(null, "", UUID.randomUUID()));
			return page(c, model);
		}
		exemptions.end(id, form.exemptionId());
		redirect.addFlashAttribute("flash", "selvbook.exemption.ended");
		return "redirect:/cases/" + id + "/selvbook";
	}

	private String page(Candidate c, Model model) {
		model.addAttribute("candidate", c);
		model.addAttribute("inForce", exemptions.inForce(c.getId()).orElse(null));
		model.addAttribute("history", exemptions.of(c.getId()));
		model.addAttribute("reasons", Reason.values());
		model.addAttribute("zone", ZoneId.systemDefault());
		model.addAttribute("mayChange", !c.isCourseClosed() && access.me().mayChangeCasesOfTeam(c.getTeamId()));
		return "casework/selvbook";
	}
}
