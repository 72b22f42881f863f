package dk.vaerdig.surveys.web;

import java.util.stream.Stream;

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

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.platform.FieldLabel;
import dk.vaerdig.surveys.internal.FollowUps;
import dk.vaerdig.surveys.internal.FollowUps.Status;

/** The team's follow-up queue: candidates who asked to be contacted about unanswered questions. */
@Controller
@RequestMapping("/surveys/follow-ups")
class FollowUpController {

	private final FollowUps followUps;

	private final PersonalDataReads reads;

	FollowUpController(FollowUps followUps, PersonalDataReads reads) {
		this.reads = reads;
		this.followUps = followUps;
	}

	record FollowUpForm(@FieldLabel("surveys.followUps.col.status") @NotNull(message = "{form.required}") Status status,
			@FieldLabel("surveys.followUp.note")
			@Size(max = 2000, message = "{form.tooLong}") String note, @NotNull Integer version) {
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping
	String queue(@RequestParam(defaultValue = "false") boolean all, Model model) {
		var tasks = followUps.queue(all, false);
		var overdue = followUps.queue(false, true);
		reads.shown(Stream.concat(tasks.stream(), overdue.stream()).map(t -> t.candidateId()).toList());
		model.addAttribute("tasks", tasks);
		model.addAttribute("overdue", overdue);
		model.addAttribute("all", all);
		return "surveys/follow-ups";
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/{id}")
	String open(@PathVariable long id, Model model) {
		var task = followUps.open(id);
		reads.shown(task.candidateId());
		model.addAttribute("task", task);
		model.addAttribute("form", new FollowUpForm(task.status(), task.note(), task.version()));
		model.addAttribute("statuses", Status.values());
		return "surveys/follow-up";
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
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
		var task = followUps.open(id);
		reads.shown(task.candidateId());
		model.addAttribute("task", task);
		model.addAttribute("statuses", Status.values());
		return "surveys/follow-up";
	}
}
