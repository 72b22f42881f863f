package dk.vaerdig.casework.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import dk.vaerdig.platform.FieldLabel;

/** Editing the case story; {@code baseVersion} is the version the editor started from. */
record StoryForm(@FieldLabel("casework.story.text")
		@NotBlank(message = "{form.required}") @Size(max = 20000, message = "{form.tooLong}") String text,
		Boolean ownWords, @NotNull @PositiveOrZero Integer baseVersion) {
}
