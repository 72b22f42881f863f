package dk.vaerdig.casework.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.vaerdig.platform.CprNumber;
import dk.vaerdig.platform.FieldLabel;

/** Registering a candidate. */
record CandidateForm(
		@FieldLabel("casework.new.cpr") @NotBlank(message = "{casework.form.cpr.required}") @CprNumber String cpr,
		@FieldLabel("casework.new.firstName")
		@NotBlank(message = "{form.required}") @Size(max = 100, message = "{form.tooLong}") String firstName,
		@FieldLabel("casework.new.lastName")
		@NotBlank(message = "{form.required}") @Size(max = 100, message = "{form.tooLong}") String lastName,
		@FieldLabel("casework.new.phone")
		@Pattern(regexp = "^$|^\\+?[0-9 ]{8,15}$", message = "{form.phone}") String phone,
		@FieldLabel("casework.new.email")
		@Email(message = "{form.email}") @Size(max = 200, message = "{form.tooLong}") String email,
		@FieldLabel("casework.new.address") @Size(max = 300, message = "{form.tooLong}") String address,
		@FieldLabel("casework.new.targetGroup") @NotBlank(message = "{form.required}") String targetGroupCode,
		@FieldLabel("casework.new.courseStarted") @NotNull(message = "{form.required}") LocalDate courseStarted,
		@FieldLabel("casework.new.caseworker") @NotBlank(message = "{form.required}") String caseworker) {

	static CandidateForm empty(LocalDate today, String caseworker) {
		return new CandidateForm("", "", "", "", "", "", "", today, caseworker);
	}
}
