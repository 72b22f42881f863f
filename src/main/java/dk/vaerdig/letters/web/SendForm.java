package dk.vaerdig.letters.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sending a letter: which approved version, the values only the sender knows, and the request id against doubles. */
record SendForm(@NotNull(message = "{form.invalidChoice}") Long versionId,
		@Size(max = 200, message = "{form.tooLong}") String meetingTime,
		@Size(max = 200, message = "{form.tooLong}") String meetingPlace,
		@Size(max = 200, message = "{form.tooLong}") String deadline, @NotNull UUID requestId) {
}
