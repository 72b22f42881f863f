package dk.vaerdig.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.OwnBookings;
import dk.vaerdig.casework.OwnBookings.OwnSlot;
import dk.vaerdig.platform.PlatformSettings;

/**
 * Selvbook on Min side: the candidate books a free slot in their window, moves or cancels their booking (up to the
 * limit; after it they phone), and takes the meeting to their own calendar as a file. A slot someone else got first
 * gets a friendly page with the next free slots. Each form carries a request id, so a double click books once.
 */
@Controller
class MinSideBookingController {

	static final String PATH = "/min-side/tider";

	/** A booking (or a move, with {@code moveFrom}); {@code requestId} makes a second submit harmless. */
	record BookForm(@NotNull Long slotId, Long moveFrom, @NotNull UUID requestId) {
	}

	record CancelForm(@NotNull Long slotId, @NotNull UUID requestId) {
	}

	/** The free slots of one day, as the page lists them: the day and each slot's time written out. */
	record Day(String label, List<SlotView> slots) {
	}

	/** A free slot with its time of day ({@code 10.00}) and its whole time, for the button's name. */
	record SlotView(OwnSlot slot, String time, String when) {
	}

	private static final DateTimeFormatter DA_DAY = DateTimeFormatter
		.ofPattern("EEEE 'den' d. MMMM", Locale.forLanguageTag("da"));

	private static final DateTimeFormatter EN_DAY = DateTimeFormatter
		.ofPattern("EEEE d MMMM", Locale.ENGLISH);

	private static final DateTimeFormatter DA_TIME = DateTimeFormatter
		.ofPattern("'kl.' HH.mm");

	private static final DateTimeFormatter EN_TIME = DateTimeFormatter
		.ofPattern("'at' HH:mm");

	private final OwnBookings bookings;

	private final PersonalDataReads reads;

	private final MessageSource messages;

	private final ZoneId zone;

	MinSideBookingController(OwnBookings bookings, PersonalDataReads reads, MessageSource messages,
			PlatformSettings platform) {
		this.bookings = bookings;
		this.reads = reads;
		this.messages = messages;
		this.zone = platform.zone();
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping(PATH)
	String page(Model model) {
		return page(model, null);
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping(PATH + "/book")
	String book(@Valid @ModelAttribute BookForm form, BindingResult errors, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (errors.hasErrors()) {
			return page(model, "selvbook.refused.choose");
		}
		try {
			OwnBookings.Outcome outcome = bookings.book(form.slotId(), form.moveFrom(), form.requestId());
			redirect.addFlashAttribute("flash", "selvbook.flash." + outcome);
			return "redirect:" + PATH;
		}
		catch (OwnBookings.Taken e) {
			response.setStatus(409);
			page(model, null);
			return "portal/booking-taken";
		}
		catch (OwnBookings.Refused e) {
			response.setStatus(409);
			return page(model, e.getMessage());
		}
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping(PATH + "/aflys")
	String cancel(@Valid @ModelAttribute CancelForm form, BindingResult errors, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (errors.hasErrors()) {
			return page(model, "selvbook.refused.choose");
		}
		try {
			OwnBookings.Outcome outcome = bookings.cancel(form.slotId(), form.requestId());
			redirect.addFlashAttribute("flash", "selvbook.flash." + outcome);
			return "redirect:" + PATH;
		}
		catch (OwnBookings.Refused e) {
			response.setStatus(409);
			return page(model, e.getMessage());
		}
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping(PATH + "/{slot}/kalender.ics")
	ResponseEntity<byte[]> calendar(@PathVariable long slot, Locale locale) {
		OwnSlot s = bookings.booked(slot);
		reads.shown(List.of(bookings.myId()), "min side: calendar file");
		String summary = messages.getMessage("selvbook.ics.summary", null, locale);
		String description = messages.getMessage("selvbook.ics.form." + s.form(), null, locale)
				+ (s.with() == null ? "" : "\n" + messages.getMessage("selvbook.ics.with", new Object[] { s.with() }, locale));
		String ics = CalendarFile.event("selvbook-" + s.id() + "-" + s.startsAt().getEpochSecond() + "@vaerdig",
				Instant.now(), s.startsAt(), s.startsAt().plusSeconds(60 * s.minutes()), summary, s.place(), description);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("moede.ics").build().toString())
			.body(ics.getBytes(StandardCharsets.UTF_8));
	}

	private String page(Model model, String refusal) {
		Locale locale = LocaleContextHolder.getLocale();
		boolean english = "en".equals(locale.getLanguage());
		OwnBookings.Page page = bookings.page();
		reads.shown(List.of(bookings.myId()), "min side: booking");
		Map<LocalDate, List<SlotView>> byDay = new LinkedHashMap<>();
		for (OwnSlot s : page.free()) {
			var at = s.startsAt().atZone(zone);
			String time = (english ? EN_TIME : DA_TIME).format(at);
			String day = (english ? EN_DAY : DA_DAY).format(at);
			byDay.computeIfAbsent(at.toLocalDate(), d -> new ArrayList<>()).add(new SlotView(s, time, day + " " + time));
		}
		model.addAttribute("page", page);
		model.addAttribute("days", byDay.entrySet()
			.stream()
			.map(e -> new Day((english ? EN_DAY : DA_DAY).format(e.getKey()), e.getValue()))
			.toList());
		OwnBookings.OwnBooking moving = page.booked().size() == 1 && page.booked().get(0).mayChange()
				? page.booked().get(0) : null;
		model.addAttribute("moveFrom", moving == null ? null : moving.slot().id());
		model.addAttribute("mayBook", !page.exempt() && (page.booked().isEmpty() || moving != null));
		model.addAttribute("requestId", UUID.randomUUID());
		model.addAttribute("refusal", refusal);
		return "portal/booking";
	}
}
