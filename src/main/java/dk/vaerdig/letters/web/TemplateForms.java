package dk.vaerdig.letters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dk.vaerdig.letters.internal.LetterCategory;

/** The forms of the template pages. */
final class TemplateForms {

	private TemplateForms() {
	}

	record NewTemplateForm(@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String name,
			@NotNull(message = "{form.invalidChoice}") LetterCategory category,
			@NotBlank(message = "{form.required}") @Size(max = 300, message = "{form.tooLong}") String subject,
			@NotBlank(message = "{form.required}") @Size(max = 50000, message = "{form.tooLong}") String body) {
	}

	record VersionForm(@NotBlank(message = "{form.required}") @Size(max = 300, message = "{form.tooLong}") String subject,
			@NotBlank(message = "{form.required}") @Size(max = 50000, message = "{form.tooLong}") String body,
			@NotNull Integer rowVersion) {
	}

	record ReviewForm(@NotNull Integer rowVersion, @Size(max = 5000, message = "{form.tooLong}") String comment) {
	}
}
