package dk.vaerdig.portal.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.OwnCourses;
import dk.vaerdig.complaints.OwnComplaints;
import dk.vaerdig.platform.NotFoundOrNoAccess;
import dk.vaerdig.portal.web.MinSideForms.ComplaintForm;

/**
 * The candidate complains of a decision from Min side: the complaint guidance in plain Danish, the form, and a receipt
 * with the deadlines and what happens next. The complaint lands in the complaint handlers' list like any other
 * ({@link OwnComplaints#start}); a late one asks why, and keeps what was typed.
 */
@Controller
class MinSideComplaintController {

	static final String PAGE = "/min-side/klager/ny";

	private final OwnComplaints complaints;

	private final OwnCourses courses;

	private final PersonalDataReads reads;

	MinSideComplaintController(OwnComplaints complaints, OwnCourses courses, PersonalDataReads reads) {
		this.complaints = complaints;
		this.courses = courses;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping(PAGE)
	String form(Model model) {
		model.addAttribute("form", ComplaintForm.blank());
		return page(model);
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@PostMapping(PAGE)
	String start(@Valid @ModelAttribute("form") ComplaintForm form, BindingResult errors, Model model) {
		if (!errors.hasErrors()) {
			try {
				long id = complaints.start(form.requestId(), form.decisionRef(), form.decisionReceivedOn(),
						form.whatYouSay(), form.lateReason());
				return "redirect:/min-side/klager/" + id + "/kvittering";
			}
			catch (OwnComplaints.NotStarted e) {
				if (e.deadline() != null) {
					model.addAttribute("lateSince", e.deadline());
					errors.rejectValue("lateReason", e.getMessage());
				}
				else {
					errors.rejectValue("decisionReceivedOn", e.getMessage());
				}
			}
		}
		return page(model);
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping("/min-side/klager/{id}/kvittering")
	String receipt(@PathVariable long id, Model model) {
		model.addAttribute("receipt", complaints.receipt(id).orElseThrow(NotFoundOrNoAccess::new));
		reads.shown(List.of(courses.myId()), "min side: complaint receipt " + id);
		return "portal/complaint-receipt";
	}

	private String page(Model model) {
		reads.shown(List.of(courses.myId()), "min side: start a complaint");
		return "portal/complaint-new";
	}
}
