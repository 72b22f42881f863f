package dk.vaerdig.casework.web;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dk.vaerdig.casework.internal.Meeting;

/** Planning a meeting; {@code alsoWhenPlanned} confirms a second one while another is planned already. */
record PlanMeetingForm(
		@NotNull(message = "{form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime plannedAt,
		@NotNull(message = "{form.required}") Meeting.Form form,
		@Size(max = 200, message = "{form.tooLong}") String place,
		@Size(max = 10000, message = "{form.tooLong}") String agenda,
		Boolean alsoWhenPlanned) {
}
