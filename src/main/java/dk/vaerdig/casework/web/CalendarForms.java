package dk.vaerdig.casework.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import dk.vaerdig.casework.internal.BookingExemptions.Reason;
import dk.vaerdig.casework.internal.Meeting;
import dk.vaerdig.platform.FieldLabel;

/** The forms of Selvbook for staff: a free slot, a series of slots, and an exemption from self-booking. */
final class CalendarForms {

	private CalendarForms() {
	}

	record SlotForm(@FieldLabel("selvbook.slot.date") @NotNull(message = "{form.required}") LocalDate date,
			@FieldLabel("selvbook.slot.time") @NotNull(message = "{form.required}")
			@DateTimeFormat(pattern = "HH:mm") LocalTime time,
			@FieldLabel("selvbook.slot.minutes") @NotNull(message = "{form.required}")
			@Min(value = 10, message = "{selvbook.slot.minutesRange}") @Max(value = 240, message = "{selvbook.slot.minutesRange}") Integer minutes,
			@FieldLabel("selvbook.slot.form") @NotNull(message = "{form.required}") Meeting.Form form,
			@FieldLabel("selvbook.slot.place") @Size(max = 200, message = "{form.tooLong}") String place,
			Boolean forTeam) {

		static SlotForm empty(LocalDate day) {
			return new SlotForm(day, null, 45, Meeting.Form.IN_PERSON, "", false);
		}
	}

	record SeriesForm(@FieldLabel("selvbook.series.from") @NotNull(message = "{form.required}") LocalDate from,
			@FieldLabel("selvbook.series.to") @NotNull(message = "{form.required}") LocalDate to,
			@FieldLabel("selvbook.series.weekdays") @NotEmpty(message = "{form.required}") List<DayOfWeek> weekdays,
			@FieldLabel("selvbook.series.times") @NotBlank(message = "{form.required}")
			@Pattern(regexp = "\\s*([01]?\\d|2[0-3]):[0-5]\\d\\s*(,\\s*([01]?\\d|2[0-3]):[0-5]\\d\\s*)*",
					message = "{selvbook.series.badTimes}") String times,
			@FieldLabel("selvbook.slot.minutes") @NotNull(message = "{form.required}")
			@Min(value = 10, message = "{selvbook.slot.minutesRange}") @Max(value = 240, message = "{selvbook.slot.minutesRange}") Integer minutes,
			@FieldLabel("selvbook.slot.form") @NotNull(message = "{form.required}") Meeting.Form form,
			@FieldLabel("selvbook.slot.place") @Size(max = 200, message = "{form.tooLong}") String place,
			Boolean forTeam) {

		static SeriesForm empty(LocalDate monday) {
			return new SeriesForm(monday, monday.plusDays(4), List.of(), "09:00, 10:00, 11:00", 45, Meeting.Form.IN_PERSON,
					"", false);
		}

		List<LocalTime> parsedTimes() {
			return Arrays.stream(times.split(","))
				.map(String::strip)
				.map(t -> LocalTime.parse(t.length() == 4 ? "0" + t : t))
				.distinct()
				.toList();
		}
	}

	/** An exemption from self-booking; {@code requestId} makes a second submit harmless. */
	record BookingExemptionForm(@FieldLabel("selvbook.exemption.reason") @NotNull(message = "{form.required}") Reason reason,
			@FieldLabel("selvbook.exemption.note") @Size(max = 2000, message = "{form.tooLong}") String note,
			@NotNull UUID requestId) {
	}
}
