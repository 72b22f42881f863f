package dk.vaerdig.letters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dk.vaerdig.platform.FieldLabel;

/** A new API token: the municipality or system it is for. */
record ApiTokenForm(@FieldLabel("letters.apiTokens.name")
		@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String name) {
}
