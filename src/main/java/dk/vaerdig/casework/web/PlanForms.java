package dk.vaerdig.casework.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.vaerdig.casework.internal.PlanService.OfferKind;
import dk.vaerdig.casework.internal.PlanService.OfferStatus;

import dk.vaerdig.platform.FieldLabel;

/** The forms of the plan page. */
final class PlanForms {

	private PlanForms() {
	}

	record GoalForm(@FieldLabel("casework.plan.goal")
			@NotBlank(message = "{form.required}") @Size(max = 1000, message = "{form.tooLong}") String text) {
	}

	record OfferForm(@FieldLabel("casework.plan.col.kind") @NotNull(message = "{form.required}") OfferKind kind,
			@FieldLabel("casework.plan.col.title")
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String title,
			@FieldLabel("casework.plan.description") @Size(max = 2000, message = "{form.tooLong}") String description) {
	}

	/** The id of the chosen offer, or {@link #NONE} when the candidate declined them all. */
	record ChoiceForm(@FieldLabel("casework.plan.choiceLegend")
			@NotBlank(message = "{casework.plan.choice.required}")
			@Pattern(regexp = "NONE|\\d{1,18}", message = "{form.invalidChoice}") String choice,
			@FieldLabel("casework.plan.reason")
			@NotBlank(message = "{casework.plan.choice.reasonRequired}") @Size(max = 2000, message = "{form.tooLong}") String reason) {

		static final String NONE = "NONE";

		Long offerId() {
			return NONE.equals(choice) ? null : Long.valueOf(choice);
		}
	}

	/**
	 * A member of staff changes a decision already made: which offer (its id and the version shown, {@code id:version}),
	 * to what, and why (required: a decision is never changed silently).
	 */
	record ChangeDecisionForm(@FieldLabel("choices.change.offer")
			@NotBlank(message = "{form.required}")
			@Pattern(regexp = "\\d{1,18}:\\d{1,9}", message = "{form.invalidChoice}") String offer,
			@FieldLabel("choices.change.status") @NotNull(message = "{form.required}") OfferStatus status,
			@FieldLabel("choices.change.reason")
			@NotBlank(message = "{choices.change.reasonRequired}") @Size(max = 2000, message = "{form.tooLong}") String reason) {

		long offerId() {
			return Long.parseLong(offer.substring(0, offer.indexOf(':')));
		}

		int version() {
			return Integer.parseInt(offer.substring(offer.indexOf(':') + 1));
		}
	}
}
