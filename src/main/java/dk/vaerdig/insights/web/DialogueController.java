package dk.vaerdig.insights.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.SignedIn;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.complaints.ComplaintFigures;
import dk.vaerdig.insights.internal.dialogue.DialogueMeetings;
import dk.vaerdig.insights.internal.dialogue.DialogueMeetings.Invited;
import dk.vaerdig.insights.internal.dialogue.DialogueMeetings.Meeting;
import dk.vaerdig.insights.web.DialogueForms.ActionForm;
import dk.vaerdig.insights.web.DialogueForms.PlanForm;
import dk.vaerdig.surveys.SurveySettings;

/**
 * Dialogue meetings with the politicians. Everyone with the committee's report sees the meetings, the number who came
 * (under the anonymity threshold) and the themes; only those who organise them see the candidates by name, invite
 * them, record who came and turn themes into learning actions.
 */
@Controller
@RequiresPermission(Permission.VIEW_COMMITTEE_REPORT)
class DialogueController {

	private final DialogueMeetings meetings;

	private final Casework casework;

	private final ComplaintFigures complaints;

	private final PersonalDataReads reads;

	private final SignedIn signedIn;

	private final StaffDirectory staff;

	private final Clock clock;

	private final SurveySettings settings;

	DialogueController(DialogueMeetings meetings, Casework casework, ComplaintFigures complaints,
			PersonalDataReads reads, SignedIn signedIn, StaffDirectory staff, Clock clock,
			SurveySettings settings) {
		this.settings = settings;
		this.meetings = meetings;
		this.casework = casework;
		this.complaints = complaints;
		this.reads = reads;
		this.signedIn = signedIn;
		this.staff = staff;
		this.clock = clock;
	}

	@NoPersonalData("the meetings' days, places and the politicians invited; no candidate")
	@GetMapping("/insights/dialogue")
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PlanForm(null, null, "", "", UUID.randomUUID()));
		}
		model.addAttribute("meetings", meetings.all());
		return "insights/dialogue-list";
	}

	@NoPersonalData("plans a meeting; the page shows no candidate")
	@PostMapping("/insights/dialogue")
	@RequiresPermission(Permission.ORGANISE_DIALOGUE_MEETINGS)
	String plan(@Valid @ModelAttribute("form") PlanForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.heldOn() != null && form.heldOn().isBefore(LocalDate.now(clock))) {
			errors.rejectValue("heldOn", "form.notInPast");
		}
		if (errors.hasErrors()) {
			return list(model);
		}
		long id = meetings.plan(form.heldOn(), form.startsAt(), form.place(), form.politicians(),
				form.requestId() == null ? UUID.randomUUID() : form.requestId(), staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "insights.dialogue.planned");
		return "redirect:/insights/dialogue/" + id;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/insights/dialogue/{id}")
	String meeting(@PathVariable long id, Model model) {
		Meeting m = meetings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		boolean organiser = signedIn.staff().may(Permission.ORGANISE_DIALOGUE_MEETINGS);
		List<Invited> invited = meetings.invited(id);
		model.addAttribute("m", m);
		model.addAttribute("organiser", organiser);
		model.addAttribute("invitedCount", invited.size());
		model.addAttribute("cameCount", invited.stream().filter(i -> Boolean.TRUE.equals(i.came())).count());
		model.addAttribute("threshold", settings.anonymityThreshold());
		var themes = meetings.themes(id);
		model.addAttribute("themes", themes);
		model.addAttribute("actions", complaints.actionStates(
				themes.stream().map(DialogueMeetings.Theme::learningActionId).filter(Objects::nonNull).toList()));
		model.addAttribute("knownThemes", complaints.knownThemes());
		model.addAttribute("upcoming", !m.heldOn().isBefore(LocalDate.now(clock)));
		if (organiser) {
			var invitable = meetings.invitable(id);
			Map<Long, String> names = casework.names(invited.stream().map(Invited::candidateId).toList());
			model.addAttribute("invited", invited);
			model.addAttribute("names", names);
			model.addAttribute("invitable", invitable);
			model.addAttribute("people", staff.caseworkers());
			model.addAttribute("today", LocalDate.now(clock));
			List<Long> shown = new ArrayList<>(names.keySet());
			invitable.forEach(c -> shown.add(c.candidateId()));
			reads.shown(shown, "dialogue meeting " + id);
		}
		else {
			reads.shown(List.of());
		}
		return "insights/dialogue";
	}

	@NoPersonalData("sends the invitations through the outbox and redirects; shows nothing")
	@PostMapping("/insights/dialogue/{id}/invite")
	@RequiresPermission(Permission.ORGANISE_DIALOGUE_MEETINGS)
	String invite(@PathVariable long id, @RequestParam(name = "candidate", required = false) List<Long> candidates,
			RedirectAttributes redirect) {
		try {
			int n = meetings.invite(id, candidates == null ? List.of() : candidates, staff.currentStaff().username());
			redirect.addFlashAttribute("flash", "insights.dialogue.invited");
			redirect.addFlashAttribute("flashCount", n);
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/insights/dialogue/" + id;
	}

	@NoPersonalData("records who came and redirects; shows nothing")
	@PostMapping("/insights/dialogue/{id}/attendance")
	@RequiresPermission(Permission.ORGANISE_DIALOGUE_MEETINGS)
	String attendance(@PathVariable long id, @RequestParam int version,
			@RequestParam(name = "came", required = false) List<Long> came, RedirectAttributes redirect) {
		try {
			meetings.attendance(id, version, came == null ? List.of() : came);
			redirect.addFlashAttribute("flash", "insights.dialogue.attendanceSaved");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("flashError", "form.conflict");
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/insights/dialogue/" + id;
	}

	@NoPersonalData("records a theme and redirects; shows nothing")
	@PostMapping("/insights/dialogue/{id}/themes")
	@RequiresPermission(Permission.ORGANISE_DIALOGUE_MEETINGS)
	String theme(@PathVariable long id, @RequestParam(required = false) String theme, RedirectAttributes redirect) {
		meetings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			meetings.addTheme(id, theme, staff.currentStaff().username());
			redirect.addFlashAttribute("flash", "complaints.themeAdded");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/insights/dialogue/" + id + "#themes";
	}

	@NoPersonalData("starts a learning action and redirects; shows nothing")
	@PostMapping("/insights/dialogue/{id}/actions")
	@RequiresPermission(Permission.ORGANISE_DIALOGUE_MEETINGS)
	String action(@PathVariable long id, @Valid @ModelAttribute ActionForm form, BindingResult errors,
			RedirectAttributes redirect) {
		if (!errors.hasErrors() && form.followUpOn().isBefore(form.deadline())) {
			errors.rejectValue("followUpOn", "complaints.learning.followUpBeforeDeadline");
		}
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("flashError", "insights.dialogue.actionIncomplete");
			return "redirect:/insights/dialogue/" + id + "#themes";
		}
		meetings.learningAction(id, form.theme(), form.title(), form.owner(), form.deadline(), form.followUpOn(),
				staff.currentStaff().username());
		redirect.addFlashAttribute("flash", "insights.dialogue.actionStarted");
		return "redirect:/insights/dialogue/" + id + "#themes";
	}
}
