package dk.vaerdig.complaints.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.complaints.internal.LearningActions;
import dk.vaerdig.complaints.web.ComplaintForms.EffectForm;
import dk.vaerdig.complaints.web.ComplaintForms.LearningForm;
import dk.vaerdig.surveys.SurveyFigures;
import dk.vaerdig.surveys.SurveySettings;

/** Recurring themes and the learning actions taken, with owners, deadlines and their effect. */
@NoPersonalData("learning actions and anonymous survey comments (CPR numbers removed before storage); no candidate")
@Controller
@RequiresPermission(Permission.WORK_ON_LEARNING)
class LearningController {

	private final LearningActions actions;

	private final StaffDirectory staff;

	private final SurveyFigures figures;

	private final SurveySettings surveySettings;

	LearningController(LearningActions actions, StaffDirectory staff, SurveyFigures figures,
			SurveySettings surveySettings) {
		this.actions = actions;
		this.staff = staff;
		this.figures = figures;
		this.surveySettings = surveySettings;
	}

	@GetMapping("/complaints/learning")
	String page(Model model) {
		model.addAttribute("form", new LearningForm("", "", "", staff.currentStaff().username(), LocalDate.now().plusWeeks(4),
				LocalDate.now().plusWeeks(12)));
		return render(model);
	}

	private String render(Model model) {
		model.addAttribute("actions", actions.all());
		model.addAttribute("themes", actions.recurringThemes());
		model.addAttribute("effects", LearningActions.Effect.values());
		model.addAttribute("people", staff.caseworkers());
		return "complaints/learning";
	}

	@PostMapping("/complaints/learning")
	String create(@Valid @ModelAttribute("form") LearningForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.deadline() != null && form.deadline().isBefore(LocalDate.now())) {
			errors.rejectValue("deadline", "form.notInPast");
		}
		if (form.deadline() != null && form.followUpOn() != null && form.followUpOn().isBefore(form.deadline())) {
			errors.rejectValue("followUpOn", "complaints.learning.followUpBeforeDeadline");
		}
		if (errors.hasErrors()) {
			return render(model);
		}
		actions.create(form.theme(), form.title(), form.description(), form.owner(), form.deadline(), form.followUpOn(),
				staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "complaints.learning.created");
		return "redirect:/complaints/learning";
	}

	/** The candidates' anonymous survey comments of the last three months, to tag with themes. */
	@GetMapping("/complaints/comments")
	String comments(Model model) {
		var comments = figures.recentComments(LocalDate.now().minusMonths(3), surveySettings.commentThreshold(), 50);
		model.addAttribute("comments", comments);
		model.addAttribute("themes", actions.commentThemes(comments.stream().map(c -> c.answerId()).toList()));
		return "complaints/comments";
	}

	@PostMapping("/complaints/comments/{answerId}/themes")
	String tagComment(@PathVariable UUID answerId, @RequestParam String theme, RedirectAttributes redirect) {
		try {
			actions.tagComment(answerId, theme, staff.currentStaff().username());
			redirect.addFlashAttribute("flash", "complaints.themeAdded");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/complaints/comments";
	}

	@PostMapping("/complaints/learning/{id}/done")
	String done(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		try {
			actions.complete(id, version);
			redirect.addFlashAttribute("flash", "complaints.learning.completed");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", "form.conflict");
		}
		return "redirect:/complaints/learning";
	}

	@PostMapping("/complaints/learning/{id}/effect")
	String effect(@PathVariable long id, @Valid @ModelAttribute EffectForm form, BindingResult errors,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("flashError", "complaints.learning.effectMissing");
			return "redirect:/complaints/learning";
		}
		try {
			actions.recordEffect(id, form.effect(), form.note(), form.version());
			redirect.addFlashAttribute("flash", "complaints.learning.effectSaved");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", "form.conflict");
		}
		return "redirect:/complaints/learning";
	}
}
