package dk.vaerdig.casework.web;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dk.vaerdig.casework.internal.Meeting;
import dk.vaerdig.platform.FieldLabel;

/** Planning a meeting; {@code alsoWhenPlanned} confirms a second one while another is planned already. */
record PlanMeetingForm(
		@FieldLabel("casework.meeting.plannedAt")
		@NotNull(message = "{form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime plannedAt,
		@FieldLabel("casework.meeting.form") @NotNull(message = "{form.required}") Meeting.Form form,
		@FieldLabel("casework.meeting.place") @Size(max = 200, message = "{form.tooLong}") String place,
		@FieldLabel("casework.meeting.agenda") @Size(max = 10000, message = "{form.tooLong}") String agenda,
		Boolean alsoWhenPlanned) {
}
