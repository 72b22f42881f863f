package dk.vaerdig.letters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dk.vaerdig.letters.internal.Rule;
import dk.vaerdig.platform.FieldLabel;

/** A phrase of a dictionary with its plain alternative and an optional note. */
record DictionaryForm(@NotNull Rule kind,
		@FieldLabel("letters.dictionary.phrase")
		@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String phrase,
		@FieldLabel("letters.dictionary.alternative") @Size(max = 200, message = "{form.tooLong}") String alternative,
		@FieldLabel("letters.dictionary.note") @Size(max = 1000, message = "{form.tooLong}") String note) {
}
