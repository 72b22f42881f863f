package dk.vaerdig.casework.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import dk.vaerdig.platform.FieldLabel;

record NoteForm(@FieldLabel("casework.note.label")
		@NotBlank(message = "{form.required}") @Size(max = 4000, message = "{form.tooLong}") String text) {
}
