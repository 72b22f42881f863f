package dk.vaerdig.letters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.platform.FieldLabel;

/** The forms of the template pages. */
final class TemplateForms {

	private TemplateForms() {
	}

	record NewTemplateForm(@FieldLabel("letters.templates.name")
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String name,
			@FieldLabel("letters.templates.category")
			@NotNull(message = "{form.invalidChoice}") LetterCategory category,
			@FieldLabel("letters.templates.subject")
			@NotBlank(message = "{form.required}") @Size(max = 300, message = "{form.tooLong}") String subject,
			@FieldLabel("letters.templates.body")
			@NotBlank(message = "{form.required}") @Size(max = 50000, message = "{form.tooLong}") String body) {
	}

	record VersionForm(@FieldLabel("letters.templates.subject")
			@NotBlank(message = "{form.required}") @Size(max = 300, message = "{form.tooLong}") String subject,
			@FieldLabel("letters.templates.body")
			@NotBlank(message = "{form.required}") @Size(max = 50000, message = "{form.tooLong}") String body,
			@NotNull Integer rowVersion) {
	}

	record ReviewForm(@NotNull Integer rowVersion, @FieldLabel("letters.review.comment")
			@Size(max = 5000, message = "{form.tooLong}") String comment) {
	}
}
