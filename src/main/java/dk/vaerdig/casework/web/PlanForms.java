package dk.vaerdig.casework.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.vaerdig.casework.internal.PlanService.OfferKind;

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
}
