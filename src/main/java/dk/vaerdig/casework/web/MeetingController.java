package dk.vaerdig.casework.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.MeetingPreparation;
import dk.vaerdig.casework.internal.AgendaItems;
import dk.vaerdig.casework.internal.Agreements;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.Meeting;
import dk.vaerdig.casework.internal.MeetingService;
import dk.vaerdig.casework.internal.MeetingService.AgreementInput;
import dk.vaerdig.casework.internal.Timeliness;

/** Planning a meeting with a pre-filled agenda, recording it, and the candidate's printable summary. */
@Controller
@RequestMapping("/cases/{id}/meetings")
class MeetingController {

	private final MeetingService meetings;

	private final Agreements agreements;

	private final CaseAccess access;

	private final Timeliness timeliness;

	private final MeetingSummaries summaries;

	private final List<MeetingPreparation> preparations;

	private final AgendaItems items;

	MeetingController(AgendaItems items, MeetingService meetings, Agreements agreements, CaseAccess access, Timeliness timeliness,
			MeetingSummaries summaries, List<MeetingPreparation> preparations) {
		this.items = items;
		this.preparations = preparations;
		this.meetings = meetings;
		this.agreements = agreements;
		this.access = access;
		this.timeliness = timeliness;
		this.summaries = summaries;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/new")
	String planForm(@PathVariable long id, Model model, Locale locale) {
		model.addAttribute("candidate", access.change(id));
		LocalDate day = timeliness.today().plusDays(7);
		while (!timeliness.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		model.addAttribute("form", new PlanMeetingForm(day.atTime(10, 0), Meeting.Form.IN_PERSON, "",
				meetings.proposedAgenda(id, locale), null));
		return planPage(id, model, locale);
	}

	/** The planning page, with the suggestions other modules bring (jobs that fit the candidate). */
	private String planPage(long id, Model model, Locale locale) {
		model.addAttribute("suggestions", preparations.stream().flatMap(p -> p.suggestions(id, locale).stream()).toList());
		return "casework/meeting-plan";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping
	String plan(@PathVariable long id, @Valid @ModelAttribute("form") PlanMeetingForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, Locale locale) {
		model.addAttribute("candidate", access.change(id));
		if (form.plannedAt() != null) {
			if (form.plannedAt().isBefore(LocalDateTime.now(timeliness.clock()))) {
				errors.rejectValue("plannedAt", "form.notInPast");
			}
			else if (!timeliness.isWorkingDay(form.plannedAt().toLocalDate())) {
				errors.rejectValue("plannedAt", "form.notWorkingDay");
			}
		}
		if (errors.hasErrors()) {
			return planPage(id, model, locale);
		}
		var planned = meetings.nextPlanned(id);
		if (planned.isPresent() && !Boolean.TRUE.equals(form.alsoWhenPlanned())) {
			// not a block: the page warns, keeps what was typed, and the caseworker may plan it anyway
			model.addAttribute("alreadyPlanned", planned.get());
			return planPage(id, model, locale);
		}
		meetings.plan(id, form.plannedAt(), form.form(), form.place(), form.agenda());
		redirect.addFlashAttribute("flash", "casework.meeting.planned");
		return "redirect:/cases/" + id;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/{meetingId}/record")
	String recordForm(@PathVariable long id, @PathVariable long meetingId, Model model) {
		access.change(id);
		Meeting meeting = meetings.find(id, meetingId);
		model.addAttribute("form", RecordMeetingForm.empty(meeting.getVersion(), LocalDateTime.now(timeliness.clock())));
		model.addAttribute("completed", List.of());
		model.addAttribute("answers", Map.of());
		return recordPage(id, meeting, model);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/{meetingId}/record")
	String record(@PathVariable long id, @PathVariable long meetingId,
			@Valid @ModelAttribute("form") RecordMeetingForm form, BindingResult errors,
			@RequestParam(required = false) String addRow, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		access.change(id);
		Meeting meeting = meetings.find(id, meetingId);
		if (meeting.getStatus() == Meeting.Status.HELD) {
			// a second submit of the same form: the meeting is already recorded, once
			redirect.addFlashAttribute("flash", "casework.meeting.alreadyRecorded");
			return "redirect:/cases/" + id + "/meetings/" + meetingId + "/summary";
		}
		validateRows(form, errors);
		// what was answered to each of the candidate's own items, kept as typed when the form is shown again
		Map<String, String> answers = new HashMap<>();
		Map<Long, String> byItem = new HashMap<>();
		params.forEach((name, value) -> {
			if (name.matches("answer-\\d{1,18}")) {
				answers.put(name, value);
				byItem.put(Long.valueOf(name.substring(7)), value.length() > 2000 ? value.substring(0, 2000) : value);
			}
		});
		model.addAttribute("answers", answers);
		if (addRow != null || errors.hasErrors()) {
			return redisplay(form.withFreeRows(addRow != null ? 1 : 0), errors, id, meeting, model);
		}
		try {
			meetings.record(id, meetingId, new MeetingService.Record(form.heldAt(), form.talkedAbout(), form.candidateWishes(),
					form.nextStep(), form.nextStepDate(),
					form.filledRows().stream().map(r -> new AgreementInput(r.responsible(), r.what(), r.dueDate())).toList(),
					form.completedAgreements(), form.version()), byItem);
		}
		catch (OptimisticLockingFailureException e) {
			errors.reject("form.conflict");
			return redisplay(form.withFreeRows(0), errors, id, meeting, model);
		}
		catch (IllegalArgumentException e) {
			// the service refuses a time in the future as well: shown as the field's error, the form kept
			errors.rejectValue("heldAt", e.getMessage());
			return redisplay(form.withFreeRows(0), errors, id, meeting, model);
		}
		redirect.addFlashAttribute("flash", "casework.meeting.recorded");
		return "redirect:/cases/" + id + "/meetings/" + meetingId + "/summary";
	}

	private void validateRows(RecordMeetingForm form, BindingResult errors) {
		LocalDate today = timeliness.today();
		if (form.heldAt() != null && form.heldAt().isAfter(LocalDateTime.now(timeliness.clock()))) {
			errors.rejectValue("heldAt", "casework.meeting.heldInFuture");
		}
		if (form.nextStepDate() != null && form.nextStepDate().isBefore(today)) {
			errors.rejectValue("nextStepDate", "form.notInPast");
		}
		for (int i = 0; form.agreements() != null && i < form.agreements().size(); i++) {
			RecordMeetingForm.AgreementRow row = form.agreements().get(i);
			if (row == null || row.isEmpty()) {
				continue;
			}
			if (row.responsible() == null) {
				errors.rejectValue("agreements[" + i + "].responsible", "form.required");
			}
			if (row.dueDate() != null && row.dueDate().isBefore(today)) {
				errors.rejectValue("agreements[" + i + "].dueDate", "form.notInPast");
			}
		}
	}

	/** Shows the form again with extra rows; the errors move to a binding result for the widened form. */
	private String redisplay(RecordMeetingForm shown, BindingResult errors, long id, Meeting meeting, Model model) {
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(shown, "form");
		result.addAllErrors(errors);
		model.addAttribute("form", shown);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
		model.addAttribute("completed", shown.completedAgreements());
		return recordPage(id, meeting, model);
	}

	private String recordPage(long id, Meeting meeting, Model model) {
		model.addAttribute("candidate", access.open(id));
		model.addAttribute("meeting", meeting);
		model.addAttribute("openAgreements", agreements.open(id));
		model.addAttribute("responsibles", Agreements.Responsible.values());
		model.addAttribute("items", items.forMeeting(id, meeting.getId()));
		return "casework/meeting-record";
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/{meetingId}/cancel")
	String cancel(@PathVariable long id, @PathVariable long meetingId, RedirectAttributes redirect) {
		meetings.cancel(id, meetingId);
		redirect.addFlashAttribute("flash", "casework.meeting.cancelled");
		return "redirect:/cases/" + id;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_DOCUMENT, candidate = "id")
	@GetMapping("/{meetingId}/summary")
	String summary(@PathVariable long id, @PathVariable long meetingId, Model model, Locale locale) {
		model.addAttribute("summary", summaries.summary(id, meetings.openSummary(id, meetingId), locale));
		return "casework/meeting-summary";
	}
}
