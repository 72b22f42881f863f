package dk.vaerdig.casework.web;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

final class HandoverForms {

	private HandoverForms() {
	}

	record ReassignForm(@NotBlank(message = "{form.required}") String caseworker,
			@NotBlank(message = "{form.required}") @Size(max = 2000, message = "{form.tooLong}") String reason,
			@NotNull Integer version) {
	}

	/** The candidate's wish for a new caseworker; no reason is needed, but one may be given. */
	record ChangeRequestForm(@NotNull(message = "{form.required}") LocalDate requestedOn,
			@Size(max = 2000, message = "{form.tooLong}") String reason,
			@NotNull(message = "{form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime talkAt) {
	}
}
