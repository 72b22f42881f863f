package dk.vaerdig.casework.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import dk.vaerdig.platform.FieldLabel;

record NoteForm(@FieldLabel("casework.note.label")
		@NotBlank(message = "{form.required}") @Size(max = 4000, message = "{form.tooLong}") String text,
		/** An internal working note (forvaltningsloven § 23): not shown to the candidate on Min side. */
		Boolean internal) {

	static NoteForm empty() {
		return new NoteForm("", false);
	}

	/** Ticked: an unticked box sends nothing, which is false. */
	boolean isInternal() {
		return Boolean.TRUE.equals(internal);
	}
}
