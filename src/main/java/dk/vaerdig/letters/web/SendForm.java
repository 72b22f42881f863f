package dk.vaerdig.letters.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dk.vaerdig.platform.FieldLabel;

/** Sending a letter: which approved version, the values only the sender knows, and the request id against doubles. */
record SendForm(@FieldLabel("letters.send.template") @NotNull(message = "{form.invalidChoice}") Long versionId,
		@FieldLabel("letters.send.meetingTime") @Size(max = 200, message = "{form.tooLong}") String meetingTime,
		@FieldLabel("letters.send.meetingPlace") @Size(max = 200, message = "{form.tooLong}") String meetingPlace,
		@FieldLabel("letters.send.deadline")
		@Size(max = 200, message = "{form.tooLong}") String deadline, @NotNull UUID requestId) {
}
