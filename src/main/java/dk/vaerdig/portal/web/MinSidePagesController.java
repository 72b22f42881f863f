package dk.vaerdig.portal.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.OwnAccessLog;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.OwnCaseFile;
import dk.vaerdig.casework.OwnCourses;
import dk.vaerdig.complaints.OwnComplaints;
import dk.vaerdig.portal.PortalSettings;

/**
 * The candidate's pages about their own course: the story, the plan, the meetings, the complaints and who has looked
 * at their data. Each reads only the signed-in candidate's data (the published APIs take the candidate from the
 * login) and writes the read to the audit log with the candidate as actor.
 */
@Controller
class MinSidePagesController {

	/** The most entries "Hvem har set mine data" shows (the copy of the data has them all). */
	static final int ACCESS_LOG_PAGE = 500;

	private final OwnCourses courses;

	private final OwnCaseFile caseFile;

	private final OwnComplaints complaints;

	private final OwnAccessLog accessLog;

	private final PersonalDataReads reads;

	private final PortalSettings settings;

	MinSidePagesController(OwnCourses courses, OwnCaseFile caseFile, OwnComplaints complaints, OwnAccessLog accessLog,
			PersonalDataReads reads, PortalSettings settings) {
		this.courses = courses;
		this.caseFile = caseFile;
		this.complaints = complaints;
		this.accessLog = accessLog;
		this.reads = reads;
		this.settings = settings;
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping("/min-side/historie")
	String story(Model model) {
		model.addAttribute("versions", caseFile.story());
		reads.shown(List.of(courses.myId()), "min side: story");
		return "portal/story";
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping("/min-side/plan")
	String plan(Model model) {
		model.addAttribute("plan", caseFile.plan());
		model.addAttribute("choiceForm", MinSideForms.ChoiceForm.blank());
		reads.shown(List.of(courses.myId()), "min side: plan");
		return "portal/plan";
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/min-side/moeder")
	String meetings(Model model) {
		model.addAttribute("meetings", caseFile.meetings());
		reads.shown(List.of(courses.myId()), "min side: meeting summaries");
		return "portal/meetings";
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping("/min-side/klager")
	String complaints(Model model) {
		model.addAttribute("complaints", complaints.list());
		reads.shown(List.of(courses.myId()), "min side: complaints");
		return "portal/complaints";
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping("/min-side/hvem-har-set-mine-data")
	String accessLog(Model model) {
		List<OwnAccessLog.Access> entries = accessLog.entries(false, ACCESS_LOG_PAGE + 1);
		model.addAttribute("entries", entries.size() > ACCESS_LOG_PAGE ? entries.subList(0, ACCESS_LOG_PAGE) : entries);
		model.addAttribute("more", entries.size() > ACCESS_LOG_PAGE);
		model.addAttribute("showNames", settings.showEmployeeNames());
		model.addAttribute("purposes", Purposes.INSTANCE);
		reads.shown(List.of(courses.myId()), "min side: who has looked at my data");
		return "portal/access-log";
	}
}
