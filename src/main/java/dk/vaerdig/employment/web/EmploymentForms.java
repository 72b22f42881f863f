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
import dk.vaerdig.platform.FieldLabel;

/** The forms of the employment pages. */
final class EmploymentForms {

	private EmploymentForms() {
	}

	record CompanyForm(@FieldLabel("employment.col.cvr")
			@NotBlank(message = "{employment.form.cvr.required}") @CvrNumber String cvr,
			@FieldLabel("employment.col.company")
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String name,
			@FieldLabel("employment.col.postalCode")
			@Pattern(regexp = "^$|^[0-9]{4}$", message = "{employment.form.postalCode}") String postalCode,
			@FieldLabel("employment.col.agreement") @Size(max = 200, message = "{form.tooLong}") String agreement) {
	}

	record OpeningForm(@FieldLabel("employment.col.company") @NotNull(message = "{form.required}") Long companyId,
			@FieldLabel("employment.col.kind") @NotNull(message = "{form.required}") Kind kind,
			@FieldLabel("employment.col.occupation") @NotBlank(message = "{form.required}") String occupationCode,
			@FieldLabel("employment.col.title")
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String title,
			@FieldLabel("employment.col.description") @Size(max = 4000, message = "{form.tooLong}") String description,
			@FieldLabel("employment.col.hours")
			@NotNull(message = "{employment.form.hours.required}") @Min(value = 1, message = "{employment.form.hours.range}")
			@Max(value = 48, message = "{employment.form.hours.range}") Integer hoursPerWeek,
			@FieldLabel("employment.col.postalCode")
			@Pattern(regexp = "^$|^[0-9]{4}$", message = "{employment.form.postalCode}") String postalCode,
			@FieldLabel("employment.col.accommodations")
			@Size(max = 1000, message = "{form.tooLong}") String accommodations,
			@FieldLabel("employment.col.deadline") LocalDate deadline) {
	}

	record CompetenceForm(@FieldLabel("employment.form.occupationOptional") String occupationCode,
			@FieldLabel("employment.col.skill")
			@NotBlank(message = "{form.required}") @Size(max = 300, message = "{form.tooLong}") String skill, Boolean hidden,
			@FieldLabel("employment.col.source")
			@NotNull(message = "{form.required}") Source source,
			@FieldLabel("employment.col.evidence") @Size(max = 1000, message = "{form.tooLong}") String evidence) {
	}

	record WishForm(@FieldLabel("employment.form.wishedJobs") List<String> occupationCodes,
			@FieldLabel("employment.form.wishedHours")
			@Min(value = 1, message = "{employment.form.hours.range}") @Max(value = 48, message = "{employment.form.hours.range}") Integer hoursPerWeek,
			@FieldLabel("employment.form.livesIn")
			@Pattern(regexp = "^$|^[0-9]{4}$", message = "{employment.form.postalCode}") String postalCode,
			@FieldLabel("employment.form.maxCommute")
			@Min(value = 0, message = "{employment.form.km}") @Max(value = 300, message = "{employment.form.km}") Integer maxCommuteKm,
			@FieldLabel("employment.form.accommodationsNeeded")
			@Size(max = 1000, message = "{form.tooLong}") String accommodations, Integer version) {
	}

	record PopupForm(@FieldLabel("employment.col.title")
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String title,
			@FieldLabel("employment.popups.when")
			@NotNull(message = "{form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@FieldLabel("employment.popups.place")
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String place,
			@FieldLabel("employment.popups.capacity")
			@NotNull(message = "{form.required}") @Min(value = 1, message = "{employment.form.capacity}") @Max(value = 500, message = "{employment.form.capacity}") Integer capacity) {
	}

	/**
	 * The public booking form. Each field's constraints exclude each other (an empty phone number is only "missing",
	 * not also "malformed"), so a field never shows two messages.
	 */
	record BookingForm(@FieldLabel("employment.book.name")
			@NotBlank(message = "{employment.booking.name}") @Size(max = 100, message = "{form.tooLong}") String name,
			@FieldLabel("employment.book.phone")
			@NotBlank(message = "{employment.booking.phone}") @Pattern(regexp = "^\\s*$|^\\+?[0-9 ]{8,15}$", message = "{form.phone}") String phone) {
	}
}
