package dk.vaerdig.portal.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dk.vaerdig.platform.FieldLabel;

/**
 * The forms the candidate sends from Min side (issue 13, part A). Each that creates something carries a request id,
 * made when the form is shown, so sending it twice (a double click, the back button) counts once.
 */
final class MinSideForms {

	private MinSideForms() {
	}

	/** The offer chosen (its id), or {@link #SOMETHING_ELSE}, and the candidate's own reason. */
	record ChoiceForm(@FieldLabel("choices.choose.legend")
			@NotBlank(message = "{choices.choose.required}")
			@Pattern(regexp = "ELSE|\\d{1,18}", message = "{choices.choose.required}") String choice,
			@FieldLabel("choices.choose.reason")
			@NotBlank(message = "{choices.choose.reasonRequired}") @Size(max = 2000, message = "{choices.tooLong}") String reason,
			@NotNull UUID requestId) {

		static final String SOMETHING_ELSE = "ELSE";

		static ChoiceForm blank() {
			return new ChoiceForm("", "", UUID.randomUUID());
		}

		Long offerId() {
			return SOMETHING_ELSE.equals(choice) ? null : Long.valueOf(choice);
		}
	}

	/** A new item for the next meeting. */
	record ItemForm(@FieldLabel("choices.prepare.newItem")
			@NotBlank(message = "{choices.prepare.itemRequired}") @Size(max = 500, message = "{choices.tooLong}") String text,
			@NotNull UUID requestId) {

		static ItemForm blank() {
			return new ItemForm("", UUID.randomUUID());
		}
	}

	/** A changed item, with the version shown. */
	record ItemChangeForm(@NotBlank(message = "{choices.prepare.itemRequired}")
			@Size(max = 500, message = "{choices.tooLong}") String text, @NotNull Integer version) {
	}

	/** An agreement marked done, with a short note. */
	record DoneForm(@Size(max = 500, message = "{choices.tooLong}") String note) {
	}

	/** A complaint of a decision. */
	record ComplaintForm(@FieldLabel("choices.complaint.decision")
			@NotBlank(message = "{choices.complaint.decisionRequired}") @Size(max = 200, message = "{choices.tooLong}") String decisionRef,
			@FieldLabel("choices.complaint.receivedOn")
			@NotNull(message = "{choices.complaint.receivedOnRequired}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionReceivedOn,
			@FieldLabel("choices.complaint.what")
			@NotBlank(message = "{choices.complaint.whatRequired}") @Size(max = 4000, message = "{choices.tooLong}") String whatYouSay,
			@FieldLabel("choices.complaint.late")
			@Size(max = 2000, message = "{choices.tooLong}") String lateReason,
			@NotNull UUID requestId) {

		static ComplaintForm blank() {
			return new ComplaintForm("", null, "", "", UUID.randomUUID());
		}
	}

	/** A wish for a new caseworker; the reason is the candidate's to give or not. */
	record CaseworkerForm(@FieldLabel("choices.caseworker.reason")
			@Size(max = 2000, message = "{choices.tooLong}") String reason, @NotNull UUID requestId) {

		static CaseworkerForm blank() {
			return new CaseworkerForm("", UUID.randomUUID());
		}
	}
}
