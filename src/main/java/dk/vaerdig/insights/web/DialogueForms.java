package dk.vaerdig.insights.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dk.vaerdig.platform.FieldLabel;

final class DialogueForms {

	private DialogueForms() {
	}

	/** A dialogue meeting as the organiser plans it; {@code requestId} makes a second submit harmless. */
	record PlanForm(@FieldLabel("insights.dialogue.heldOn") @NotNull(message = "{form.required}")
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@FieldLabel("insights.dialogue.startsAt") @NotNull(message = "{insights.dialogue.badTime}")
			@DateTimeFormat(pattern = "HH:mm") LocalTime startsAt,
			@FieldLabel("insights.dialogue.place") @NotBlank(message = "{form.required}")
			@Size(max = 200, message = "{form.tooLong}") String place,
			@FieldLabel("insights.dialogue.politicians") @NotBlank(message = "{form.required}")
			@Size(max = 1000, message = "{form.tooLong}") String politicians,
			UUID requestId) {
	}

	/**
	 * A change of a planned meeting: the version it was shown with (a stale one is refused) and a request id that makes
	 * a second submit harmless.
	 */
	record ChangeForm(@FieldLabel("insights.dialogue.heldOn") @NotNull(message = "{form.required}")
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@FieldLabel("insights.dialogue.startsAt") @NotNull(message = "{insights.dialogue.badTime}")
			@DateTimeFormat(pattern = "HH:mm") LocalTime startsAt,
			@FieldLabel("insights.dialogue.place") @NotBlank(message = "{form.required}")
			@Size(max = 200, message = "{form.tooLong}") String place,
			@FieldLabel("insights.dialogue.politicians") @NotBlank(message = "{form.required}")
			@Size(max = 1000, message = "{form.tooLong}") String politicians,
			@NotNull Integer version, UUID requestId) {
	}

	/** A cancellation: the reason, and the version the meeting was shown with. */
	record CancelForm(@FieldLabel("insights.dialogue.cancelReason") @NotBlank(message = "{form.required}")
			@Size(max = 500, message = "{form.tooLong}") String reason,
			@NotNull Integer version) {
	}

	/** A theme turned into a learning action: a title, an owner, a deadline and the day to check its effect. */
	record ActionForm(@NotBlank @Pattern(regexp = "[a-zæøå0-9 -]{2,40}") String theme,
			@FieldLabel("complaints.learning.actionTitle") @NotBlank(message = "{form.required}")
			@Size(max = 200, message = "{form.tooLong}") String title,
			@FieldLabel("complaints.learning.owner") @NotBlank(message = "{form.required}")
			@Size(max = 200, message = "{form.tooLong}") String owner,
			@FieldLabel("complaints.learning.deadline") @NotNull(message = "{form.required}")
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@FieldLabel("complaints.learning.followUpOn") @NotNull(message = "{form.required}")
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpOn) {
	}
}
