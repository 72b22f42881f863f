package dk.vaerdig.surveys.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.surveys.internal.FollowUps;
import dk.vaerdig.surveys.internal.FollowUps.Status;
import dk.vaerdig.platform.FieldLabel;

/** The team's follow-up queue: candidates who asked to be contacted about unanswered questions. */
@Controller
@RequestMapping("/surveys/follow-ups")
class FollowUpController {

	private final FollowUps followUps;

	FollowUpController(FollowUps followUps) {
		this.followUps = followUps;
	}

	record FollowUpForm(@FieldLabel("surveys.followUps.col.status") @NotNull(message = "{form.required}") Status status,
			@FieldLabel("surveys.followUp.note")
			@Size(max = 2000, message = "{form.tooLong}") String note, @NotNull Integer version) {
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "false") boolean all, Model model) {
		model.addAttribute("tasks", followUps.queue(all, false));
		model.addAttribute("overdue", followUps.queue(false, true));
		model.addAttribute("all", all);
		return "surveys/follow-ups";
	}

	@GetMapping("/{id}")
	String open(@PathVariable long id, Model model) {
		var task = followUps.open(id);
		model.addAttribute("task", task);
		model.addAttribute("form", new FollowUpForm(task.status(), task.note(), task.version()));
		model.addAttribute("statuses", Status.values());
		return "surveys/follow-up";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") FollowUpForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				followUps.update(id, form.status(), form.note(), form.version());
				redirect.addFlashAttribute("flash", "surveys.followUp.saved");
				return "redirect:/surveys/follow-ups";
			}
			catch (OptimisticLockingFailureException e) {
				errors.reject("form.conflict");
			}
		}
		model.addAttribute("task", followUps.open(id));
		model.addAttribute("statuses", Status.values());
		return "surveys/follow-up";
	}
}
