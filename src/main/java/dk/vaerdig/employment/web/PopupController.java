package dk.vaerdig.employment.web;

import java.time.LocalDateTime;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.employment.internal.Popups;
import dk.vaerdig.employment.web.EmploymentForms.PopupForm;
import dk.vaerdig.platform.PlatformSettings;

/** Pop-up sessions: staff create them and share the link to the booking page ({@link BookingController}). */
@NoPersonalData("pop-up sessions: title, time, place and places left; no candidate")
@Controller
class PopupController {

	private final Popups popups;

	private final StaffDirectory staff;

	private final PlatformSettings platform;

	PopupController(Popups popups, StaffDirectory staff, PlatformSettings platform) {
		this.popups = popups;
		this.staff = staff;
		this.platform = platform;
	}

	@GetMapping("/employment/popups")
	@RequiresPermission(Permission.WORK_WITH_EMPLOYERS)
	String sessions(Model model) {
		model.addAttribute("form", new PopupForm("", null, "", 20));
		model.addAttribute("sessions", popups.upcoming());
		return "employment/popups";
	}

	@PostMapping("/employment/popups")
	@RequiresPermission(Permission.WORK_WITH_EMPLOYERS)
	String create(@Valid @ModelAttribute("form") PopupForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.startsAt() != null && form.startsAt().isBefore(LocalDateTime.now(platform.zone()))) {
			errors.rejectValue("startsAt", "form.notInPast");
		}
		if (errors.hasErrors()) {
			model.addAttribute("sessions", popups.upcoming());
			return "employment/popups";
		}
		popups.create(form.title(), form.startsAt().atZone(platform.zone()).toInstant(), form.place(), form.capacity(),
				staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "employment.popup.created");
		return "redirect:/employment/popups";
	}
}
