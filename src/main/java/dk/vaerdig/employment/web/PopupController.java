package dk.vaerdig.employment.web;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.employment.internal.Popups;
import dk.vaerdig.employment.web.EmploymentForms.BookingForm;
import dk.vaerdig.employment.web.EmploymentForms.PopupForm;
import dk.vaerdig.platform.PlatformSettings;

/** Pop-up sessions: staff create them; candidates book a place through the public link, without logging in. */
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
	@PreAuthorize("hasAnyRole('COMPANY_CONSULTANT','CASEWORKER','TEAM_LEAD','MANAGER')")
	String sessions(Model model) {
		model.addAttribute("form", new PopupForm("", null, "", 20));
		model.addAttribute("sessions", popups.upcoming());
		return "employment/popups";
	}

	@PostMapping("/employment/popups")
	@PreAuthorize("hasAnyRole('COMPANY_CONSULTANT','CASEWORKER','TEAM_LEAD','MANAGER')")
	String create(@Valid @ModelAttribute("form") PopupForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.startsAt() != null && form.startsAt().isBefore(java.time.LocalDateTime.now(platform.zone()))) {
			errors.rejectValue("startsAt", "form.notInPast");
		}
		if (errors.hasErrors()) {
			model.addAttribute("sessions", popups.upcoming());
			return "employment/popups";
		}
		popups.create(form.title(), form.startsAt().atZone(platform.zone()).toInstant(), form.place(), form.capacity(),
				staff.current().username());
		redirect.addFlashAttribute("flash", "employment.popup.created");
		return "redirect:/employment/popups";
	}

	@GetMapping("/book/{key}")
	String bookingForm(@PathVariable String key, Model model) {
		model.addAttribute("popup", popups.byKey(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("form", new BookingForm("", ""));
		return "employment/book";
	}

	@PostMapping("/book/{key}")
	String book(@PathVariable String key, @Valid @ModelAttribute("form") BookingForm form, BindingResult errors,
			Model model, Locale locale) {
		var session = popups.byKey(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("popup", session);
		if (errors.hasErrors()) {
			return "employment/book";
		}
		Popups.Booking booking;
		try {
			booking = popups.book(key, form.name(), form.phone(), locale);
		}
		catch (Popups.AlreadyBooked e) {
			booking = new Popups.Booking(Popups.Outcome.ALREADY_BOOKED, null);
		}
		if (booking.outcome() != Popups.Outcome.BOOKED) {
			errors.reject("employment.booking." + booking.outcome());
			model.addAttribute("popup", popups.byKey(key).orElseThrow());
			return "employment/book";
		}
		model.addAttribute("code", booking.code());
		return "employment/booked";
	}
}
