package dk.vaerdig.casework.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dk.vaerdig.casework.internal.Agreements.Responsible;
import dk.vaerdig.platform.FieldLabel;

/**
 * Recording a held meeting: when it was actually held (now, unless changed; never in the future), what was talked
 * about, the candidate's wishes, agreements and the next step.
 */
record RecordMeetingForm(
		@FieldLabel("casework.meeting.heldAt")
		@NotNull(message = "{form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime heldAt,
		@FieldLabel("casework.meeting.talkedAbout")
		@NotBlank(message = "{form.required}") @Size(max = 10000, message = "{form.tooLong}") String talkedAbout,
		@FieldLabel("casework.meeting.wishes") @Size(max = 4000, message = "{form.tooLong}") String candidateWishes,
		@FieldLabel("casework.meeting.nextStep")
		@NotBlank(message = "{form.required}") @Size(max = 2000, message = "{form.tooLong}") String nextStep,
		@FieldLabel("casework.meeting.nextStepDate") LocalDate nextStepDate,
		@FieldLabel("casework.meeting.newAgreements") List<@Valid AgreementRow> agreements,
		List<Long> completedAgreements,
		@NotNull Integer version) {

	static final int ROWS = 3;

	/** One agreement; a row left empty is ignored. */
	record AgreementRow(@FieldLabel("casework.meeting.responsible") Responsible responsible,
			@FieldLabel("casework.meeting.what") @Size(max = 1000, message = "{form.tooLong}") String what,
			@FieldLabel("casework.meeting.dueDate") LocalDate dueDate) {

		boolean isEmpty() {
			return what == null || what.isBlank();
		}
	}

	static RecordMeetingForm empty(int version, LocalDateTime now) {
		return new RecordMeetingForm(now.withSecond(0).withNano(0), "", "", "", null, blankRows(List.of()), List.of(),
				version);
	}

	/**
	 * The rows as typed (in place, so errors keep pointing at the right row), plus empty ones so there are always a
	 * few rows, and {@code extra} more on request.
	 */
	RecordMeetingForm withFreeRows(int extra) {
		List<AgreementRow> rows = new ArrayList<>(agreements == null ? List.of() : agreements);
		rows.replaceAll(r -> r == null ? new AgreementRow(Responsible.CANDIDATE, "", null) : r);
		int target = Math.max(ROWS, rows.size() + extra);
		while (rows.size() < target) {
			rows.add(new AgreementRow(Responsible.CANDIDATE, "", null));
		}
		return new RecordMeetingForm(heldAt, talkedAbout, candidateWishes, nextStep, nextStepDate, rows,
				completedAgreements == null ? List.of() : completedAgreements, version);
	}

	List<AgreementRow> filledRows() {
		return agreements == null ? List.of() : agreements.stream().filter(r -> !r.isEmpty()).toList();
	}

	private static List<AgreementRow> blankRows(List<AgreementRow> rows) {
		return new RecordMeetingForm(null, "", "", "", null, rows, List.of(), 0).withFreeRows(0).agreements();
	}
}
