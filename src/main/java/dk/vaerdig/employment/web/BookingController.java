package dk.vaerdig.employment.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.employment.internal.Popups;
import dk.vaerdig.employment.internal.Popups.Cancellation;
import dk.vaerdig.employment.internal.Popups.Session;
import dk.vaerdig.employment.web.EmploymentForms.BookingForm;
import dk.vaerdig.platform.JobCentre;

/**
 * Candidates book a place at a pop-up session through the public link, and cancel it through the link in their SMS
 * and on the confirmation page, without logging in.
 */
@NoPersonalData("public booking pages: the visitor's own booking, opened with its own token; no staff read")
@Controller
class BookingController {

	/** What the cancel page shows: the question, or what came of it. */
	enum CancelState {
		CONFIRM, CANCELLED, ALREADY_CANCELLED, PAST, UNKNOWN
	}

	private final Popups popups;

	private final JobCentre jobCentre;

	private final Clock clock;

	BookingController(Popups popups, JobCentre jobCentre, Clock clock) {
		this.popups = popups;
		this.jobCentre = jobCentre;
		this.clock = clock;
	}

	@GetMapping("/book/{key}")
	String bookingForm(@PathVariable String key, Model model, Locale locale) {
		session(model, popups.byKey(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), locale);
		model.addAttribute("form", new BookingForm("", ""));
		return "employment/book";
	}

	@PostMapping("/book/{key}")
	String book(@PathVariable String key, @Valid @ModelAttribute("form") BookingForm form, BindingResult errors,
			Model model, Locale locale) {
		Session session = popups.byKey(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		session(model, session, locale);
		if (errors.hasErrors()) {
			return "employment/book";
		}
		Popups.Booking booking;
		try {
			booking = popups.book(key, form.name(), form.phone(), locale);
		}
		catch (Popups.AlreadyBooked e) {
			booking = new Popups.Booking(Popups.Outcome.ALREADY_BOOKED);
		}
		if (booking.outcome() != Popups.Outcome.BOOKED) {
			var contact = jobCentre.contact(locale);
			errors.reject("employment.booking." + booking.outcome(),
					new Object[] { contact.phone(), contact.openingHours() }, null);
			session(model, popups.byKey(key).orElseThrow(), locale);
			return "employment/book";
		}
		model.addAttribute("code", booking.code());
		model.addAttribute("cancelPath", Popups.cancelPath(session, booking.cancelToken()));
		return "employment/booked";
	}

	@GetMapping("/book/{key}/cancel/{token}")
	String cancelPage(@PathVariable String key, @PathVariable String token, Model model, Locale locale,
			HttpServletResponse response) {
		var place = popups.byCancelToken(key, token);
		if (place.isEmpty()) {
			return cancelled(CancelState.UNKNOWN, key, token, model, response);
		}
		session(model, place.get().session(), locale);
		model.addAttribute("code", place.get().code());
		CancelState state = place.get().cancelled() ? CancelState.ALREADY_CANCELLED
				: place.get().session().startsAt().isAfter(clock.instant()) ? CancelState.CONFIRM : CancelState.PAST;
		return cancelled(state, key, token, model, response);
	}

	@PostMapping("/book/{key}/cancel/{token}")
	String cancel(@PathVariable String key, @PathVariable String token, Model model, Locale locale,
			HttpServletResponse response) {
		Cancellation outcome = popups.cancel(key, token);
		popups.byCancelToken(key, token).ifPresent(place -> {
			session(model, place.session(), locale);
			model.addAttribute("code", place.code());
		});
		return cancelled(CancelState.valueOf(outcome.name()), key, token, model, response);
	}

	private String cancelled(CancelState state, String key, String token, Model model, HttpServletResponse response) {
		if (state == CancelState.UNKNOWN) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("state", state);
		model.addAttribute("key", key);
		model.addAttribute("token", token);
		return "employment/cancel";
	}

	private void session(Model model, Session session, Locale locale) {
		model.addAttribute("popup", session);
		model.addAttribute("when", popups.when(session, locale));
	}
}
