package dk.vaerdig.insights.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.insights.internal.dialogue.DialogueMeetings;
import dk.vaerdig.insights.internal.dialogue.DialogueMeetings.Changed;
import dk.vaerdig.insights.internal.dialogue.DialogueMeetings.Meeting;
import dk.vaerdig.insights.web.DialogueForms.CancelForm;
import dk.vaerdig.insights.web.DialogueForms.ChangeForm;

/**
 * Changing and cancelling a dialogue meeting not yet held, for those who organise them: a stale version is refused
 * with what was typed kept, and the invited candidates are told (by the service).
 */
@Controller
@RequiresPermission(Permission.ORGANISE_DIALOGUE_MEETINGS)
class DialogueChangeController {

	private final DialogueMeetings meetings;

	private final StaffDirectory staff;

	private final Clock clock;

	DialogueChangeController(DialogueMeetings meetings, StaffDirectory staff, Clock clock) {
		this.meetings = meetings;
		this.staff = staff;
		this.clock = clock;
	}

	@NoPersonalData("the meeting's day, place and politicians; no candidate")
	@GetMapping("/insights/dialogue/{id}/edit")
	String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Meeting m = meeting(id);
		if (m.cancelled() || m.heldOn().isBefore(LocalDate.now(clock))) {
			redirect.addFlashAttribute("flashError",
					m.cancelled() ? "insights.dialogue.isCancelled" : "insights.dialogue.pastMeeting");
			return "redirect:/insights/dialogue/" + id;
		}
		model.addAttribute("form",
				new ChangeForm(m.heldOn(), m.startsAt(), m.place(), m.politicians(), m.version(), UUID.randomUUID()));
		model.addAttribute("cancelForm", new CancelForm("", m.version()));
		return page(m, model);
	}

	@NoPersonalData("changes the meeting and redirects, or shows the form again; no candidate")
	@PostMapping("/insights/dialogue/{id}/edit")
	String change(@PathVariable long id, @Valid @ModelAttribute("form") ChangeForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Meeting m = meeting(id);
		if (form.heldOn() != null && form.heldOn().isBefore(LocalDate.now(clock))) {
			errors.rejectValue("heldOn", "form.notInPast");
		}
		model.addAttribute("cancelForm", new CancelForm("", m.version()));
		if (errors.hasErrors()) {
			return page(m, model);
		}
		try {
			Changed c = meetings.change(id, form.version(), form.heldOn(), form.startsAt(), form.place(),
					form.politicians(), form.requestId() == null ? UUID.randomUUID() : form.requestId(),
					staff.currentStaff().username());
			redirect.addFlashAttribute("flash", "insights.dialogue.changed");
			redirect.addFlashAttribute("flashCount", c.told());
			return "redirect:/insights/dialogue/" + id;
		}
		catch (OptimisticLockingFailureException e) {
			// what was typed stays in the form; the page shows the meeting as it stands now beside it
			errors.reject("insights.dialogue.conflict");
			model.addAttribute("conflict", true);
			return page(m, model);
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
			return "redirect:/insights/dialogue/" + id;
		}
	}

	@NoPersonalData("cancels the meeting and redirects, or shows the form again; no candidate")
	@PostMapping("/insights/dialogue/{id}/cancel")
	String cancel(@PathVariable long id, @Valid @ModelAttribute("cancelForm") CancelForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Meeting m = meeting(id);
		model.addAttribute("form",
				new ChangeForm(m.heldOn(), m.startsAt(), m.place(), m.politicians(), m.version(), UUID.randomUUID()));
		if (errors.hasErrors()) {
			return page(m, model);
		}
		try {
			Changed c = meetings.cancel(id, form.version(), form.reason(), staff.currentStaff().username());
			redirect.addFlashAttribute("flash", c.saved() ? "insights.dialogue.cancelled" : "insights.dialogue.isCancelled");
			redirect.addFlashAttribute("flashCount", c.told());
			return "redirect:/insights/dialogue/" + id;
		}
		catch (OptimisticLockingFailureException e) {
			errors.reject("insights.dialogue.conflict");
			return page(m, model);
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
			return "redirect:/insights/dialogue/" + id;
		}
	}

	private Meeting meeting(long id) {
		return meetings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String page(Meeting m, Model model) {
		model.addAttribute("m", m);
		return "insights/dialogue-edit";
	}
}
