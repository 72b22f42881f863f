package dk.vaerdig.complaints.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dk.vaerdig.complaints.internal.Complaints.AppealsResult;
import dk.vaerdig.complaints.internal.Complaints.Channel;
import dk.vaerdig.complaints.internal.Complaints.Outcome;
import dk.vaerdig.complaints.internal.LearningActions.Effect;

final class ComplaintForms {

	private ComplaintForms() {
	}

	record RegisterForm(@NotNull Long candidateId, @NotNull(message = "{form.required}") Channel channel,
			@NotNull(message = "{complaints.form.receivedOn}") LocalDate receivedOn,
			@NotBlank(message = "{complaints.form.decisionRef}") @Size(max = 200, message = "{form.tooLong}") String decisionRef,
			@NotNull(message = "{complaints.form.decisionReceivedOn}") LocalDate decisionReceivedOn,
			@NotBlank(message = "{form.required}") @Size(max = 10000, message = "{form.tooLong}") String whatCandidateSays,
			@NotNull(message = "{form.required}") Long categoryId,
			@Size(max = 2000, message = "{form.tooLong}") String lateReason, Boolean notADuplicate) {
	}

	record ReassessForm(@NotNull(message = "{form.required}") Outcome outcome,
			@NotBlank(message = "{form.required}") @Size(max = 10000, message = "{form.tooLong}") String reassessment,
			@NotNull Integer version) {
	}

	record AppealsForm(@NotNull(message = "{form.required}") AppealsResult result,
			@NotNull(message = "{form.required}") LocalDate resultOn, @NotNull Integer version) {
	}

	record LearningForm(@NotBlank(message = "{form.required}") @Size(max = 40, message = "{form.tooLong}") String theme,
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String title,
			@Size(max = 2000, message = "{form.tooLong}") String description,
			@NotBlank(message = "{form.required}") String owner, @NotNull(message = "{form.required}") LocalDate deadline,
			@NotNull(message = "{form.required}") LocalDate followUpOn) {
	}

	record EffectForm(@NotNull(message = "{form.required}") Effect effect,
			@Size(max = 2000, message = "{form.tooLong}") String note, @NotNull Integer version) {
	}
}
