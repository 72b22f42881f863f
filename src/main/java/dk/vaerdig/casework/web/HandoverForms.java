package dk.vaerdig.casework.web;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dk.vaerdig.platform.FieldLabel;

final class HandoverForms {

	private HandoverForms() {
	}

	record ReassignForm(@FieldLabel("casework.reassign.to") @NotBlank(message = "{form.required}") String caseworker,
			@FieldLabel("casework.reassign.reason")
			@NotBlank(message = "{form.required}") @Size(max = 2000, message = "{form.tooLong}") String reason,
			@NotNull Integer version) {
	}

	/**
	 * The candidate's wish for a new caseworker; no reason is needed, but one may be given. {@code waitingId}: the wish
	 * the candidate sent from Min side whose talk this plans (null: a wish told to staff, registered now).
	 */
	record ChangeRequestForm(@FieldLabel("casework.changeRequest.requestedOn")
			@NotNull(message = "{form.required}") LocalDate requestedOn,
			@FieldLabel("casework.changeRequest.reason") @Size(max = 2000, message = "{form.tooLong}") String reason,
			@FieldLabel("casework.changeRequest.talkAt")
			@NotNull(message = "{form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime talkAt,
			Long waitingId) {
	}
}
