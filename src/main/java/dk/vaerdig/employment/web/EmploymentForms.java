package dk.vaerdig.employment.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dk.vaerdig.employment.internal.Openings.Kind;
import dk.vaerdig.employment.internal.Profiles.Source;
import dk.vaerdig.platform.CvrNumber;

/** The forms of the employment pages. */
final class EmploymentForms {

	private EmploymentForms() {
	}

	record CompanyForm(@NotBlank(message = "{employment.form.cvr.required}") @CvrNumber String cvr,
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String name,
			@Pattern(regexp = "^$|^[0-9]{4}$", message = "{employment.form.postalCode}") String postalCode,
			@Size(max = 200, message = "{form.tooLong}") String agreement) {
	}

	record OpeningForm(@NotNull(message = "{form.required}") Long companyId, @NotNull(message = "{form.required}") Kind kind,
			@NotBlank(message = "{form.required}") String occupationCode,
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String title,
			@Size(max = 4000, message = "{form.tooLong}") String description,
			@NotNull(message = "{employment.form.hours.required}") @Min(value = 1, message = "{employment.form.hours.range}")
			@Max(value = 48, message = "{employment.form.hours.range}") Integer hoursPerWeek,
			@Pattern(regexp = "^$|^[0-9]{4}$", message = "{employment.form.postalCode}") String postalCode,
			@Size(max = 1000, message = "{form.tooLong}") String accommodations, LocalDate deadline) {
	}

	record CompetenceForm(String occupationCode,
			@NotBlank(message = "{form.required}") @Size(max = 300, message = "{form.tooLong}") String skill, Boolean hidden,
			@NotNull(message = "{form.required}") Source source, @Size(max = 1000, message = "{form.tooLong}") String evidence) {
	}

	record WishForm(List<String> occupationCodes,
			@Min(value = 1, message = "{employment.form.hours.range}") @Max(value = 48, message = "{employment.form.hours.range}") Integer hoursPerWeek,
			@Pattern(regexp = "^$|^[0-9]{4}$", message = "{employment.form.postalCode}") String postalCode,
			@Min(value = 0, message = "{employment.form.km}") @Max(value = 300, message = "{employment.form.km}") Integer maxCommuteKm,
			@Size(max = 1000, message = "{form.tooLong}") String accommodations, Integer version) {
	}

	record PopupForm(@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String title,
			@NotNull(message = "{form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String place,
			@NotNull(message = "{form.required}") @Min(value = 1, message = "{employment.form.capacity}") @Max(value = 500, message = "{employment.form.capacity}") Integer capacity) {
	}

	/**
	 * The public booking form. Each field's constraints exclude each other (an empty phone number is only "missing",
	 * not also "malformed"), so a field never shows two messages.
	 */
	record BookingForm(@NotBlank(message = "{employment.booking.name}") @Size(max = 100, message = "{form.tooLong}") String name,
			@NotBlank(message = "{employment.booking.phone}") @Pattern(regexp = "^\\s*$|^\\+?[0-9 ]{8,15}$", message = "{form.phone}") String phone) {
	}
}
