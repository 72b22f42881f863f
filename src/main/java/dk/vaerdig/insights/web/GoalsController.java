package dk.vaerdig.insights.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.insights.GoalMeasure;
import dk.vaerdig.insights.internal.goals.GoalProgress;
import dk.vaerdig.insights.internal.goals.Measures;
import dk.vaerdig.insights.internal.goals.YearlyGoals;
import dk.vaerdig.insights.internal.goals.YearlyGoals.Direction;
import dk.vaerdig.insights.internal.goals.YearlyGoals.Goal;

/** The year's goals with their progress (team leads, managers, politicians); managers record and change them. */
@NoPersonalData("goals and aggregate figures under the anonymity threshold; no candidate")
@Controller
@RequiresPermission(Permission.VIEW_GOALS)
class GoalsController {

	private final YearlyGoals goals;

	private final GoalProgress progress;

	private final Measures measures;

	private final StaffDirectory staff;

	private final Clock clock;

	GoalsController(YearlyGoals goals, GoalProgress progress, Measures measures, StaffDirectory staff, Clock clock) {
		this.goals = goals;
		this.progress = progress;
		this.measures = measures;
		this.staff = staff;
		this.clock = clock;
	}

	@GetMapping("/insights/goals")
	String page(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? Year.now(clock).getValue() : year;
		if (y < 2000 || y > 2200) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new GoalForm(y, "", "", null, Direction.AT_LEAST, "", UUID.randomUUID(), null));
		}
		model.addAttribute("year", y);
		model.addAttribute("progress", goals.ofYear(y).stream().map(progress::of).toList());
		model.addAttribute("measures", measures.all());
		model.addAttribute("directions", Direction.values());
		return "insights/goals";
	}

	@PostMapping("/insights/goals")
	@RequiresPermission(Permission.MANAGE_GOALS)
	String create(@Valid @ModelAttribute("form") GoalForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		check(form, errors);
		if (errors.hasErrors()) {
			return page(form.year() == null || form.year() < 2000 || form.year() > 2200 ? null : form.year(), model);
		}
		goals.create(form.terms(), form.requestId() == null ? UUID.randomUUID() : form.requestId(),
				staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "insights.goals.created");
		return "redirect:/insights/goals?year=" + form.year();
	}

	@GetMapping("/insights/goals/{id}/edit")
	@RequiresPermission(Permission.MANAGE_GOALS)
	String edit(@PathVariable long id, Model model) {
		Goal g = goals.find(id).filter(x -> !x.withdrawn()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new GoalForm(g.year(), g.title(), g.measureCode(),
					g.shownTarget(), g.direction(),
					g.owner(), null, g.version()));
		}
		return renderEdit(g, model);
	}

	private String renderEdit(Goal g, Model model) {
		model.addAttribute("goal", g);
		model.addAttribute("history", goals.history(g.id()));
		model.addAttribute("measures", measures.all());
		model.addAttribute("directions", Direction.values());
		return "insights/goal-edit";
	}

	@PostMapping("/insights/goals/{id}")
	@RequiresPermission(Permission.MANAGE_GOALS)
	String change(@PathVariable long id, @Valid @ModelAttribute("form") GoalForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Goal g = goals.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		check(form, errors);
		if (form.version() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		if (!errors.hasErrors()) {
			try {
				goals.change(id, form.version(), form.terms(), staff.currentStaff().username());
				redirect.addFlashAttribute("flash", "insights.goals.changed");
				return "redirect:/insights/goals?year=" + form.year();
			}
			catch (OptimisticLockingFailureException e) {
				// the typed input stays in the form; the page shows the goal as it stands now beside it
				errors.reject("form.conflict");
				model.addAttribute("conflict", true);
			}
		}
		return renderEdit(goals.find(id).orElse(g), model);
	}

	@PostMapping("/insights/goals/{id}/withdraw")
	@RequiresPermission(Permission.MANAGE_GOALS)
	String withdraw(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		Goal g = goals.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			goals.withdraw(id, version, staff.currentStaff().username());
			redirect.addFlashAttribute("flash", "insights.goals.withdrawn");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", "form.conflict");
		}
		return "redirect:/insights/goals?year=" + g.year();
	}

	/** The rules beyond the annotations: a registered measure, and a share's target at most 100 %. */
	private void check(GoalForm form, BindingResult errors) {
		if (form.measureCode() != null && !form.measureCode().isBlank()) {
			var m = measures.find(form.measureCode());
			if (m.isEmpty()) {
				errors.rejectValue("measureCode", "form.invalidChoice");
			}
			else if (m.get().kind() == GoalMeasure.Kind.SHARE && form.targetValue() != null
					&& form.targetValue().compareTo(BigDecimal.valueOf(100)) > 0) {
				errors.rejectValue("target", "insights.goals.shareAbove100");
			}
		}
	}
}
