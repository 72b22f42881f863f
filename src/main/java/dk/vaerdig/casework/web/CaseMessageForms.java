package dk.vaerdig.casework.web;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dk.vaerdig.platform.FieldLabel;

/** A message to the candidate in the case's thread; {@code requestId} makes a second submit of the same form harmless. */
record CaseMessageForm(@FieldLabel("contact.staff.body") @NotBlank(message = "{form.required}")
		@Size(max = 4000, message = "{form.tooLong}") String body, @NotNull UUID requestId) {

	static CaseMessageForm empty() {
		return new CaseMessageForm("", UUID.randomUUID());
	}
}
