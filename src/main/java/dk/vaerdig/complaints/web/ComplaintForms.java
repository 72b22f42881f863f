package dk.vaerdig.complaints.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dk.vaerdig.complaints.internal.Complaints.AppealsResult;
import dk.vaerdig.complaints.internal.Complaints.Channel;
import dk.vaerdig.complaints.internal.Complaints.Outcome;
import dk.vaerdig.complaints.internal.LearningActions.Effect;
import dk.vaerdig.platform.FieldLabel;

final class ComplaintForms {

	private ComplaintForms() {
	}

	record RegisterForm(@NotNull Long candidateId, @FieldLabel("complaints.col.channel")
			@NotNull(message = "{form.required}") Channel channel,
			@FieldLabel("complaints.col.received")
			@NotNull(message = "{complaints.form.receivedOn}") LocalDate receivedOn,
			@FieldLabel("complaints.col.decision")
			@NotBlank(message = "{complaints.form.decisionRef}") @Size(max = 200, message = "{form.tooLong}") String decisionRef,
			@FieldLabel("complaints.new.decisionReceivedOn")
			@NotNull(message = "{complaints.form.decisionReceivedOn}") LocalDate decisionReceivedOn,
			@FieldLabel("complaints.new.says")
			@NotBlank(message = "{form.required}") @Size(max = 10000, message = "{form.tooLong}") String whatCandidateSays,
			@FieldLabel("complaints.col.category") @NotNull(message = "{form.required}") Long categoryId,
			@FieldLabel("complaints.new.lateReason")
			@Size(max = 2000, message = "{form.tooLong}") String lateReason, Boolean notADuplicate) {
	}

	record ReassessForm(@FieldLabel("complaints.reassess.outcome")
			@NotNull(message = "{form.required}") Outcome outcome,
			@FieldLabel("complaints.reassess.text")
			@NotBlank(message = "{form.required}") @Size(max = 10000, message = "{form.tooLong}") String reassessment,
			@NotNull Integer version) {
	}

	record AppealsForm(@FieldLabel("complaints.appeals.result")
			@NotNull(message = "{form.required}") AppealsResult result,
			@FieldLabel("complaints.appeals.on")
			@NotNull(message = "{form.required}") LocalDate resultOn, @NotNull Integer version) {
	}

	record LearningForm(@FieldLabel("complaints.learning.theme")
			@NotBlank(message = "{form.required}") @Size(max = 40, message = "{form.tooLong}") String theme,
			@FieldLabel("complaints.learning.actionTitle")
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String title,
			@FieldLabel("complaints.learning.description")
			@Size(max = 2000, message = "{form.tooLong}") String description,
			@FieldLabel("complaints.learning.owner")
			@NotBlank(message = "{form.required}") String owner,
			@FieldLabel("complaints.learning.deadline") @NotNull(message = "{form.required}") LocalDate deadline,
			@FieldLabel("complaints.learning.followUpOn") @NotNull(message = "{form.required}") LocalDate followUpOn) {
	}

	record EffectForm(@FieldLabel("complaints.learning.didItWork") @NotNull(message = "{form.required}") Effect effect,
			@FieldLabel("complaints.learning.effectNote")
			@Size(max = 2000, message = "{form.tooLong}") String note, @NotNull Integer version) {
	}
}
