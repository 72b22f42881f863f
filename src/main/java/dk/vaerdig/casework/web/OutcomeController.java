package dk.vaerdig.casework.web;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.CourseOutcome;
import dk.vaerdig.casework.internal.Candidate;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.CourseOutcomes;
import dk.vaerdig.casework.internal.CourseOutcomes.Closing;
import dk.vaerdig.casework.internal.CourseOutcomes.Outcome;
import dk.vaerdig.casework.internal.CourseOutcomes.Refused;
import dk.vaerdig.casework.internal.CourseOutcomes.ReopenKind;
import dk.vaerdig.casework.internal.CourseOutcomes.Reopening;
import dk.vaerdig.casework.internal.CourseOutcomes.Result;
import dk.vaerdig.casework.web.OutcomeForms.CloseForm;
import dk.vaerdig.casework.web.OutcomeForms.HoursForm;
import dk.vaerdig.casework.web.OutcomeForms.ReopenForm;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/**
 * Closing a course with its outcome (a form, then a confirmation step), reopening it with a reason, and the
 * progression in ordinary hours. The rules and the locking live in {@link CourseOutcomes}.
 */
@Controller
@RequestMapping("/cases/{id}")
class OutcomeController {

	private final CourseOutcomes outcomes;

	private final CaseAccess access;

	OutcomeController(CourseOutcomes outcomes, CaseAccess access) {
		this.outcomes = outcomes;
		this.access = access;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/close")
	String closeForm(@PathVariable long id, Model model) {
		Candidate c = access.change(id);
		model.addAttribute("form", new CloseForm(null, null, null, false, c.getVersion(), UUID.randomUUID()));
		return closePage(c, model);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/close")
	String close(@PathVariable long id, @Valid @ModelAttribute("form") CloseForm form, BindingResult errors,
			@RequestParam(required = false) String edit, Model model, RedirectAttributes redirect) {
		Candidate c = access.changeCourse(id);
		BigDecimal hours = OutcomeForms.hours(form.weeklyHours(), "weeklyHours", errors);
		if (errors.hasErrors() || edit != null) {
			// with "Ret oplysningerne" on the confirmation: the form again, as filled in
			return closePage(c, model);
		}
		Closing closing = new Closing(form.outcome(), form.closedOn(), hours, form.version(), form.requestId());
		try {
			if (!Boolean.TRUE.equals(form.confirmed())) {
				if (c.isCourseClosed()) {
					throw new OptimisticLockingFailureException("casework.outcome.changed");
				}
				var problems = outcomes.problems(c, closing);
				problems.forEach(p -> errors.rejectValue(p.field(), p.getMessage()));
				model.addAttribute("confirm", problems.isEmpty());
				return closePage(c, model);
			}
			Result result = outcomes.close(id, closing);
			redirect.addFlashAttribute("flash", result == Result.DONE ? "casework.outcome.closed" : "casework.outcome.alreadyDone");
			return "redirect:/cases/" + id;
		}
		catch (Refused e) {
			errors.rejectValue(e.field(), e.getMessage());
		}
		catch (OptimisticLockingFailureException e) {
			errors.reject("casework.outcome.conflict");
			// the form now builds on the case as it is, so the user can look and decide again
			Candidate now = access.changeCourse(id);
			rebind(model, "form", new CloseForm(form.outcome(), form.closedOn(), form.weeklyHours(), false,
					now.getVersion(), form.requestId()), errors);
			return closePage(now, model);
		}
		return closePage(c, model);
	}

	/** Shows another form object (the version moved on) with the errors found so far. */
	private static void rebind(Model model, String name, Object shown, BindingResult errors) {
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(
				shown, name);
		result.addAllErrors(errors);
		model.addAttribute(name, shown);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
	}

	private String closePage(Candidate c, Model model) {
		model.addAttribute("candidate", c);
		model.addAttribute("outcomes", CourseOutcome.values());
		model.addAttribute("plannedMeetings", outcomes.plannedMeetings(c.getId()));
		return "casework/course-close";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/reopen")
	String reopenForm(@PathVariable long id, Model model) {
		Candidate c = access.changeCourse(id);
		Outcome closing = outcomes.standing(id).orElseThrow(NotFoundOrNoAccess::new);
		model.addAttribute("form", new ReopenForm(null, null, "", closing.id(), c.getVersion()));
		return reopenPage(c, closing, model);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/reopen")
	String reopen(@PathVariable long id, @Valid @ModelAttribute("form") ReopenForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Candidate c = access.changeCourse(id);
		if (!errors.hasFieldErrors("kind") && form.kind() == ReopenKind.NEW_COURSE && form.newCourseStarts() == null
				&& !errors.hasFieldErrors("newCourseStarts")) {
			errors.rejectValue("newCourseStarts", "form.required");
		}
		if (!errors.hasErrors()) {
			try {
				Result result = outcomes.reopen(id, new Reopening(form.kind(), form.newCourseStarts(), form.reason(),
						form.outcomeId(), form.version()));
				redirect.addFlashAttribute("flash", result == Result.DONE ? "casework.reopen.done" : "casework.outcome.alreadyDone");
				return "redirect:/cases/" + id;
			}
			catch (Refused e) {
				errors.rejectValue(e.field(), e.getMessage());
			}
			catch (OptimisticLockingFailureException e) {
				errors.reject("casework.outcome.conflict");
			}
		}
		Candidate now = access.changeCourse(id);
		var closing = outcomes.standing(id);
		if (closing.isEmpty()) {
			// reopened by someone else meanwhile: nothing is left to reopen
			redirect.addFlashAttribute("flash", "casework.outcome.conflict");
			return "redirect:/cases/" + id;
		}
		rebind(model, "form", new ReopenForm(form.kind(), form.newCourseStarts(), form.reason(), closing.get().id(),
				now.getVersion()), errors);
		return reopenPage(now, closing.get(), model);
	}

	private String reopenPage(Candidate c, Outcome closing, Model model) {
		model.addAttribute("candidate", c);
		model.addAttribute("closing", closing);
		model.addAttribute("kinds", ReopenKind.values());
		return "casework/course-reopen";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/hours")
	String hours(@PathVariable long id, Model model) {
		model.addAttribute("form", new HoursForm(null, ""));
		return hoursPage(id, model);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/hours")
	String recordHours(@PathVariable long id, @Valid @ModelAttribute("form") HoursForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		access.change(id);
		BigDecimal hours = OutcomeForms.hours(form.weeklyHours(), "weeklyHours", errors);
		if (!errors.hasErrors()) {
			try {
				Result result = outcomes.recordHours(id, form.fromDate(), hours);
				redirect.addFlashAttribute("flash", result == Result.DONE ? "casework.hours.saved" : "casework.outcome.alreadyDone");
				return "redirect:/cases/" + id + "/hours";
			}
			catch (Refused e) {
				errors.rejectValue(e.field(), e.getMessage());
			}
		}
		return hoursPage(id, model);
	}

	private String hoursPage(long id, Model model) {
		Candidate c = access.open(id);
		model.addAttribute("candidate", c);
		model.addAttribute("hours", outcomes.hours(id));
		model.addAttribute("mayChange", !c.isCourseClosed() && access.me().mayChangeCasesOfTeam(c.getTeamId()));
		return "casework/hours";
	}
}
