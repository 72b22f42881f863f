package dk.vaerdig.letters.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.platform.FieldLabel;

/**
 * The text in the editor, its category, whether its first line is the subject line, and (when a suggestion is applied)
 * which finding: "start:end".
 */
record EditorForm(@FieldLabel("letters.editor.text")
		@Size(max = 200000, message = "{form.tooLong}") String text,
		@FieldLabel("letters.editor.category") @NotNull LetterCategory category,
		String apply, Boolean subjectLine) {

	EditorForm {
		subjectLine = Boolean.TRUE.equals(subjectLine);
		text = text == null ? "" : text.replace("\r\n", "\n");
		category = category == null ? LetterCategory.SYSTEM : category;
	}
}
