package dk.vaerdig.insights.web;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.insights.internal.SurveyDashboards;
import dk.vaerdig.surveys.Improvements;
import dk.vaerdig.platform.FieldLabel;

/** The public lobby screen, and the page where staff publish "You said – we did". */
@NoPersonalData("public aggregates and improvements; no candidate")
@Controller
class LobbyController {

	private final SurveyDashboards dashboards;

	private final Improvements improvements;

	private final StaffDirectory staff;

	LobbyController(SurveyDashboards dashboards, Improvements improvements, StaffDirectory staff) {
		this.dashboards = dashboards;
		this.improvements = improvements;
		this.staff = staff;
	}

	@GetMapping("/lobby")
	String lobby(Model model, Locale locale) {
		model.addAttribute("lobby", dashboards.lobby(locale));
		return "insights/lobby";
	}

	record ImprovementForm(@FieldLabel("insights.improvements.youSaidDa")
			@NotBlank(message = "{form.required}") @Size(max = 300, message = "{form.tooLong}") String youSaidDa,
			@FieldLabel("insights.improvements.weDidDa")
			@NotBlank(message = "{form.required}") @Size(max = 300, message = "{form.tooLong}") String weDidDa,
			@FieldLabel("insights.improvements.youSaidEn")
			@Size(max = 300, message = "{form.tooLong}") String youSaidEn,
			@FieldLabel("insights.improvements.weDidEn") @Size(max = 300, message = "{form.tooLong}") String weDidEn) {
	}

	@GetMapping("/insights/improvements")
	@RequiresPermission(Permission.PUBLISH_IMPROVEMENTS)
	String improvementsPage(Model model, Locale locale) {
		model.addAttribute("form", new ImprovementForm("", "", "", ""));
		model.addAttribute("published", improvements.active(locale, 50));
		return "insights/improvements";
	}

	@PostMapping("/insights/improvements")
	@RequiresPermission(Permission.PUBLISH_IMPROVEMENTS)
	String publish(@Valid @ModelAttribute("form") ImprovementForm form, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("published", improvements.active(locale, 50));
			return "insights/improvements";
		}
		improvements.publish(form.youSaidDa(), form.weDidDa(), form.youSaidEn(), form.weDidEn(), staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "insights.improvements.published");
		return "redirect:/insights/improvements";
	}

	@PostMapping("/insights/improvements/{id}/withdraw")
	@RequiresPermission(Permission.PUBLISH_IMPROVEMENTS)
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		improvements.withdraw(id);
		redirect.addFlashAttribute("flash", "insights.improvements.withdrawn");
		return "redirect:/insights/improvements";
	}
}
