package dk.vaerdig.casework.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.vaerdig.platform.CprNumber;

/** Registering a candidate. */
record CandidateForm(
		@NotBlank(message = "{casework.form.cpr.required}") @CprNumber String cpr,
		@NotBlank(message = "{form.required}") @Size(max = 100, message = "{form.tooLong}") String firstName,
		@NotBlank(message = "{form.required}") @Size(max = 100, message = "{form.tooLong}") String lastName,
		@Pattern(regexp = "^$|^\\+?[0-9 ]{8,15}$", message = "{form.phone}") String phone,
		@Email(message = "{form.email}") @Size(max = 200, message = "{form.tooLong}") String email,
		@Size(max = 300, message = "{form.tooLong}") String address,
		@NotBlank(message = "{form.required}") String targetGroupCode,
		@NotNull(message = "{form.required}") LocalDate courseStarted,
		@NotBlank(message = "{form.required}") String caseworker) {

	static CandidateForm empty(LocalDate today, String caseworker) {
		return new CandidateForm("", "", "", "", "", "", "", today, caseworker);
	}
}
