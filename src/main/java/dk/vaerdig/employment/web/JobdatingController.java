package dk.vaerdig.employment.web;

import java.time.LocalDateTime;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.employment.internal.Jobdatings;
import dk.vaerdig.employment.internal.Openings;
import dk.vaerdig.platform.FieldLabel;
import dk.vaerdig.platform.PlatformSettings;

/** Jobdating: invite companies and candidates, and record who met whom and what came of it. */
@Controller
@RequiresPermission(Permission.WORK_WITH_EMPLOYERS)
class JobdatingController {

	private final Jobdatings jobdatings;

	private final Openings openings;

	private final Casework casework;

	private final StaffDirectory staff;

	private final PlatformSettings platform;

	private final PersonalDataReads reads;

	JobdatingController(Jobdatings jobdatings, Openings openings, Casework casework, StaffDirectory staff,
			PlatformSettings platform, PersonalDataReads reads) {
		this.reads = reads;
		this.jobdatings = jobdatings;
		this.openings = openings;
		this.casework = casework;
		this.staff = staff;
		this.platform = platform;
	}

	record EventForm(@FieldLabel("employment.col.title")
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String title,
			@FieldLabel("employment.popups.when")
			@NotNull(message = "{form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@FieldLabel("employment.popups.place")
			@NotBlank(message = "{form.required}") @Size(max = 200, message = "{form.tooLong}") String place) {
	}

	@NoPersonalData("the events; no candidate")
	@GetMapping("/employment/jobdating")
	String events(Model model) {
		model.addAttribute("form", new EventForm("", null, ""));
		model.addAttribute("events", jobdatings.all());
		return "employment/jobdatings";
	}

	@NoPersonalData("the events; no candidate")
	@PostMapping("/employment/jobdating")
	String create(@Valid @ModelAttribute("form") EventForm form, BindingResult errors, Model model) {
		if (form.startsAt() != null && form.startsAt().isBefore(LocalDateTime.now(platform.zone()))) {
			errors.rejectValue("startsAt", "form.notInPast");
		}
		if (errors.hasErrors()) {
			model.addAttribute("events", jobdatings.all());
			return "employment/jobdatings";
		}
		long id = jobdatings.create(form.title(), form.startsAt().atZone(platform.zone()).toInstant(), form.place(),
				staff.currentStaff().username());
		return "redirect:/employment/jobdating/" + id;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/employment/jobdating/{id}")
	String event(@PathVariable long id, Model model) {
		model.addAttribute("event", jobdatings.event(id));
		model.addAttribute("companies", jobdatings.companies(id));
		model.addAttribute("allCompanies", openings.companies());
		// only the candidates the user may see are named
		Map<Long, String> visible = casework.namesVisibleToMe(jobdatings.candidates(id));
		reads.shown(visible.keySet());
		model.addAttribute("candidates", visible);
		model.addAttribute("meetings", jobdatings.meetings(id).stream().filter(m -> visible.containsKey(m.candidateId()))
			.map(m -> new Jobdatings.Encounter(m.candidateId(), visible.get(m.candidateId()), m.companyName(), m.outcome(), m.note()))
			.toList());
		model.addAttribute("outcomes", Jobdatings.Outcome.values());
		return "employment/jobdating";
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/employment/jobdating/{id}/companies")
	String inviteCompany(@PathVariable long id, @RequestParam long companyId, RedirectAttributes redirect) {
		jobdatings.inviteCompany(id, companyId);
		redirect.addFlashAttribute("flash", "employment.jobdating.companyInvited");
		return "redirect:/employment/jobdating/" + id;
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/cases/{candidateId}/employment/jobdating")
	String inviteCandidate(@PathVariable long candidateId, @RequestParam long eventId, RedirectAttributes redirect) {
		casework.openForChange(candidateId, "jobdating invitation");
		jobdatings.inviteCandidate(eventId, candidateId, staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "employment.jobdating.candidateInvited");
		return "redirect:/cases/" + candidateId + "/employment";
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/employment/jobdating/{id}/meetings")
	String recordMeeting(@PathVariable long id, @RequestParam long candidateId, @RequestParam long companyId,
			@RequestParam Jobdatings.Outcome outcome, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		casework.openForChange(candidateId, "jobdating meeting");
		if (note != null && note.length() > 1000) {
			redirect.addFlashAttribute("flashError", "form.tooLong");
		}
		else {
			try {
				jobdatings.recordMeeting(id, candidateId, companyId, outcome, note, staff.currentStaff().username());
				redirect.addFlashAttribute("flash", "employment.jobdating.recorded");
			}
			catch (DataIntegrityViolationException e) {
				// only invited candidates and companies can have met at the event
				redirect.addFlashAttribute("flashError", "employment.jobdating.notInvited");
			}
		}
		return "redirect:/employment/jobdating/" + id;
	}
}
