package dk.vaerdig.casework.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import dk.vaerdig.casework.CourseOutcome;
import dk.vaerdig.casework.internal.CourseOutcomes.ReopenKind;
import dk.vaerdig.platform.FieldLabel;

/** The forms of a course's outcome: closing, reopening, and the ordinary hours. */
final class OutcomeForms {

	private OutcomeForms() {
	}

	/**
	 * Closing the course. {@code weeklyHours} as typed (Danish "18,5" or "18.5"); {@code confirmed} is set by the
	 * confirmation step; {@code requestId} makes a second submit of the same form harmless.
	 */
	record CloseForm(@FieldLabel("casework.outcome.outcome") @NotNull(message = "{form.required}") CourseOutcome outcome,
			@FieldLabel("casework.outcome.closedOn") @NotNull(message = "{form.required}") LocalDate closedOn,
			@FieldLabel("casework.outcome.weeklyHours") @Size(max = 10, message = "{casework.hours.number}") String weeklyHours,
			Boolean confirmed, @NotNull Integer version, @NotNull UUID requestId) {
	}

	/** Reopening: a new course (with the day it begins) or a correction, always with a reason. */
	record ReopenForm(@FieldLabel("casework.reopen.kind") @NotNull(message = "{form.required}") ReopenKind kind,
			@FieldLabel("casework.reopen.newCourseStarts") LocalDate newCourseStarts,
			@FieldLabel("casework.reopen.reason") @NotBlank(message = "{form.required}")
			@Size(max = 2000, message = "{form.tooLong}") String reason,
			@NotNull Long outcomeId, @NotNull Integer version) {
	}

	/** The weekly ordinary hours from a date. */
	record HoursForm(@FieldLabel("casework.hours.fromDate") @NotNull(message = "{form.required}") LocalDate fromDate,
			@FieldLabel("casework.hours.weeklyHours") @NotBlank(message = "{form.required}")
			@Size(max = 10, message = "{casework.hours.number}") String weeklyHours) {
	}

	/**
	 * Hours as typed, with a comma or a point, at most one decimal; a field error when it is not such a number.
	 * @return the number, or null when the field is empty or wrong
	 */
	static BigDecimal hours(String typed, String field, BindingResult errors) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String s = typed.strip().replace(',', '.');
		if (!s.matches("\\d{1,2}(\\.\\d)?")) {
			if (!errors.hasFieldErrors(field)) {
				errors.rejectValue(field, "casework.hours.number");
			}
			return null;
		}
		BigDecimal value = new BigDecimal(s);
		if (value.compareTo(BigDecimal.valueOf(80)) > 0) {
			errors.rejectValue(field, "casework.hours.range");
			return null;
		}
		return value;
	}
}
