package dk.vaerdig.casework.web;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
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
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.internal.Candidate;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.HandoverService;
import dk.vaerdig.casework.internal.Timeliness;
import dk.vaerdig.casework.web.HandoverForms.ChangeRequestForm;
import dk.vaerdig.casework.web.HandoverForms.ReassignForm;

/** Caseworker changes: reassigning, reading and acknowledging the handover, and the candidate's wish for a change. */
@Controller
class HandoverController {

	private final HandoverService handovers;

	private final CaseAccess access;

	private final StaffDirectory staff;

	private final CasePages pages;

	private final Timeliness timeliness;

	private final StaffNames names;

	private final PersonalDataReads reads;

	HandoverController(HandoverService handovers, CaseAccess access, StaffDirectory staff, CasePages pages,
			Timeliness timeliness, StaffNames names, PersonalDataReads reads) {
		this.names = names;
		this.reads = reads;
		this.handovers = handovers;
		this.access = access;
		this.staff = staff;
		this.pages = pages;
		this.timeliness = timeliness;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/handovers")
	String mine(Model model) {
		access.teamScope();
		var pending = handovers.pendingForMe();
		reads.shown(pending.stream().map(HandoverService.PendingHandover::candidateId).toList());
		model.addAttribute("pending", pending);
		return "casework/handovers";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/cases/{id}/reassign")
	String reassignForm(@PathVariable long id, Model model) {
		Candidate c = access.change(id);
		model.addAttribute("form", new ReassignForm("", "", c.getVersion()));
		return reassignPage(c, model);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/cases/{id}/reassign")
	String reassign(@PathVariable long id, @Valid @ModelAttribute("form") ReassignForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Candidate c = access.change(id);
		if (!errors.hasErrors()) {
			try {
				handovers.reassign(id, form.caseworker(), form.reason(), form.version());
				redirect.addFlashAttribute("flash", "casework.reassign.done");
				return "redirect:/cases/" + id;
			}
			catch (OptimisticLockingFailureException e) {
				errors.reject("form.conflict");
			}
			catch (IllegalStateException | IllegalArgumentException e) {
				errors.rejectValue("caseworker", e.getMessage());
			}
		}
		return reassignPage(c, model);
	}

	private String reassignPage(Candidate c, Model model) {
		model.addAttribute("candidate", c);
		model.addAttribute("caseworkers", staff.caseworkers().stream().filter(s -> !s.username().equals(c.getCaseworker())).toList());
		return "casework/reassign";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_HANDOVER, candidate = "id")
	@GetMapping("/cases/{id}/handovers/{handoverId}")
	String open(@PathVariable long id, @PathVariable long handoverId, Model model, Locale locale) {
		var handover = handovers.open(id, handoverId);
		model.addAttribute("handover", handover);
		model.addAttribute("from", names.nameAndRole(handover.fromCaseworker(), locale));
		model.addAttribute("to", names.nameAndRole(handover.toCaseworker(), locale));
		model.addAttribute("by", handover.createdBy().equals(handover.fromCaseworker()) ? null
				: names.nameAndRole(handover.createdBy(), locale));
		model.addAttribute("page", pages.casePage(access.open(id), locale));
		model.addAttribute("mayAcknowledge", !handover.acknowledged() && handover.toCaseworker().equals(access.me().username()));
		return "casework/handover";
	}

	@NoPersonalData("always redirects; shows nothing")
	@PostMapping("/cases/{id}/handovers/{handoverId}/acknowledge")
	String acknowledge(@PathVariable long id, @PathVariable long handoverId, RedirectAttributes redirect) {
		try {
			handovers.acknowledge(id, handoverId);
			redirect.addFlashAttribute("flash", "casework.handover.acknowledged");
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("flash", "casework.handover.notYours");
		}
		return "redirect:/cases/" + id;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/cases/{id}/change-request")
	String changeRequestForm(@PathVariable long id,
			@RequestParam(required = false) Long waiting, Model model) {
		model.addAttribute("candidate", access.change(id));
		LocalDateTime talk = timeliness.nextWorkingDay(timeliness.today().plusDays(3)).atTime(10, 0);
		// a wish from Min side: its day and reason as the candidate sent them, and the talk to plan
		var fromMinSide = waiting == null ? Optional.<HandoverService.WaitingRequest>empty()
				: handovers.waitingRequest(id, waiting);
		model.addAttribute("form", fromMinSide
			.map(w -> new ChangeRequestForm(w.requestedOn(), w.reason() == null ? "" : w.reason(), talk, w.id()))
			.orElseGet(() -> new ChangeRequestForm(timeliness.today(), "", talk, null)));
		return "casework/change-request";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping("/cases/{id}/change-request")
	String changeRequest(@PathVariable long id, @Valid @ModelAttribute("form") ChangeRequestForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
		model.addAttribute("candidate", access.change(id));
		if (form.requestedOn() != null && form.requestedOn().isAfter(timeliness.today())) {
			errors.rejectValue("requestedOn", "form.notInFuture");
		}
		if (form.talkAt() != null && form.talkAt().isBefore(LocalDateTime.now(timeliness.clock()))) {
			errors.rejectValue("talkAt", "form.notInPast");
		}
		else if (form.talkAt() != null && !timeliness.isWorkingDay(form.talkAt().toLocalDate())) {
			errors.rejectValue("talkAt", "form.notWorkingDay");
		}
		if (errors.hasErrors()) {
			return "casework/change-request";
		}
		try {
			handovers.requestNewCaseworker(id, form.requestedOn(), form.reason(), form.talkAt(), form.waitingId(), locale);
		}
		catch (IllegalStateException e) { // another member of staff planned it first
			redirect.addFlashAttribute("flash", "casework.changeRequest.alreadyPlanned");
			return "redirect:/cases/" + id;
		}
		redirect.addFlashAttribute("flash", form.waitingId() == null ? "casework.changeRequest.registered"
				: "casework.changeRequest.planned");
		return "redirect:/cases/" + id;
	}
}
