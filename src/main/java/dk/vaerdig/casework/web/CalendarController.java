package dk.vaerdig.casework.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
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
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.internal.Meeting;
import dk.vaerdig.casework.internal.Slots;
import dk.vaerdig.casework.internal.Slots.CalendarItem;
import dk.vaerdig.casework.web.CalendarForms.SeriesForm;
import dk.vaerdig.casework.web.CalendarForms.SlotForm;

/**
 * The caseworker's calendar in Værdig: a week of their free slots, the meetings candidates booked in them and their
 * other meetings, with forms to publish a slot or a series and to withdraw a free slot. The rules live in
 * {@link Slots}.
 */
@Controller
@RequestMapping("/calendar")
class CalendarController {

	/** One day of the week as the page shows it. */
	record DayView(LocalDate day, List<CalendarItem> items) {
	}

	private final Slots slots;

	private final PersonalDataReads reads;

	CalendarController(Slots slots, PersonalDataReads reads) {
		this.slots = slots;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping
	String week(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			Model model) {
		LocalDate monday = monday(week);
		model.addAttribute("slotForm", SlotForm.empty(slots.today().isBefore(monday) ? monday : slots.today()));
		model.addAttribute("seriesForm", SeriesForm.empty(monday));
		return page(monday, model);
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@PostMapping("/slots")
	String publish(@Valid @ModelAttribute("slotForm") SlotForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				slots.publish(new Slots.Slot(form.date().atTime(form.time()), form.minutes(), form.form(), form.place(),
						Boolean.TRUE.equals(form.forTeam())));
				redirect.addFlashAttribute("flash", "selvbook.slot.published");
				return "redirect:/calendar?week=" + monday(form.date());
			}
			catch (Slots.Refused e) {
				errors.rejectValue(e.field(), e.getMessage(), e.getMessage());
			}
		}
		LocalDate monday = monday(form.date());
		model.addAttribute("seriesForm", SeriesForm.empty(monday));
		return page(monday, model);
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@PostMapping("/series")
	String series(@Valid @ModelAttribute("seriesForm") SeriesForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				int n = slots.publish(new Slots.Series(form.from(), form.to(), new HashSet<>(form.weekdays()),
						form.parsedTimes(), form.minutes(), form.form(), form.place(), Boolean.TRUE.equals(form.forTeam())));
				redirect.addFlashAttribute("flash", "selvbook.series.published");
				redirect.addFlashAttribute("flashArg", n);
				return "redirect:/calendar?week=" + monday(form.from());
			}
			catch (Slots.Refused e) {
				errors.rejectValue(e.field(), e.getMessage(), e.getMessage());
			}
		}
		LocalDate monday = monday(form.from());
		model.addAttribute("slotForm", SlotForm.empty(slots.today()));
		return page(monday, model);
	}

	@NoPersonalData("withdraws one of the caseworker's free slots, which no candidate holds")
	@PostMapping("/slots/{slot}/withdraw")
	String withdraw(@PathVariable long slot, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", slots.withdraw(slot) ? "selvbook.slot.withdrawn" : "selvbook.slot.notFree");
		return "redirect:/calendar?week=" + monday(week);
	}

	private String page(LocalDate monday, Model model) {
		var me = slots.publisher();
		List<CalendarItem> items = slots.week(me.username(), monday);
		List<DayView> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			LocalDate day = monday.plusDays(i);
			List<CalendarItem> of = items.stream()
				.filter(it -> it.startsAt().atZone(slots.zone()).toLocalDate().equals(day))
				.toList();
			if (i < 5 || !of.isEmpty()) {
				days.add(new DayView(day, of));
			}
		}
		reads.shown(items.stream().map(CalendarItem::candidateId).filter(Objects::nonNull).distinct().toList(),
				"calendar");
		model.addAttribute("monday", monday);
		model.addAttribute("weekNumber", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		model.addAttribute("days", days);
		model.addAttribute("zone", slots.zone());
		model.addAttribute("forms", Meeting.Form.values());
		model.addAttribute("weekdays", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
				DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
		return "casework/calendar";
	}

	private LocalDate monday(LocalDate day) {
		return (day == null ? slots.today() : day).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}
}
