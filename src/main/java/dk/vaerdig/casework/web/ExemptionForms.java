package dk.vaerdig.casework.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dk.vaerdig.casework.internal.Exemptions.Kind;
import dk.vaerdig.platform.FieldLabel;

/** The forms of the reform's exemption register and of a change of target group. */
final class ExemptionForms {

	private ExemptionForms() {
	}

	/** A new exemption; {@code requestId} makes a second submit of the same form harmless. */
	record ExemptionForm(@FieldLabel("casework.exemption.kind") @NotNull(message = "{form.required}") Kind kind,
			@FieldLabel("casework.exemption.reason") @NotBlank(message = "{form.required}")
			@Size(max = 2000, message = "{form.tooLong}") String reason,
			@FieldLabel("casework.exemption.startsOn") @NotNull(message = "{form.required}") LocalDate startsOn,
			@FieldLabel("casework.exemption.endsOn") LocalDate endsOn,
			@FieldLabel("casework.exemption.expectedBack") LocalDate expectedBack, @NotNull UUID requestId) {
	}

	/** Ending an exemption early, for the version shown. */
	record EndForm(@FieldLabel("casework.exemption.endedOn") @NotNull(message = "{form.required}") LocalDate endedOn,
			@FieldLabel("casework.exemption.endReason") @NotBlank(message = "{form.required}")
			@Size(max = 2000, message = "{form.tooLong}") String reason,
			@NotNull Integer version) {
	}

	/** A change of target group from a day, for the case's version shown. */
	record GroupChangeForm(@FieldLabel("casework.groupChange.targetGroup") @NotBlank(message = "{form.required}") String targetGroup,
			@FieldLabel("casework.groupChange.changedOn") @NotNull(message = "{form.required}") LocalDate changedOn,
			@NotNull Integer version) {
	}
}
