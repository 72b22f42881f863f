package dk.vaerdig.portal.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.OwnCourse;
import dk.vaerdig.casework.OwnCourses;
import dk.vaerdig.platform.PlatformSettings;
import dk.vaerdig.platform.ReaderDates;

/**
 * The candidate's overview: the next meeting, their caseworker and what has been agreed. It shows only the signed-in
 * candidate's own course ({@link OwnCourses} takes the candidate from the login, never from the request); the read is
 * written to the audit log with the candidate as actor.
 */
@Controller
class MinSideController {

	private final OwnCourses courses;

	private final PersonalDataReads reads;

	private final ZoneId zone;

	MinSideController(OwnCourses courses, PersonalDataReads reads, PlatformSettings platform) {
		this.courses = courses;
		this.reads = reads;
		this.zone = platform.zone();
	}

	/** The overview as the page shows it: dates written out in the reader's language. */
	record OverviewView(String firstName, Meeting nextMeeting, OwnCourse.Caseworker caseworker, List<Agreement> agreements) {
	}

	record Meeting(String when, String form, String place, String with) {
	}

	record Agreement(String responsible, String what, String due) {
	}

	@ReadsPersonalData(AuditAction.VIEW_CASE)
	@GetMapping("/min-side")
	String overview(Model model, Locale locale) {
		long me = courses.myId();
		Optional<OwnCourse> course = courses.mine();
		reads.shown(List.of(me), "min side: overview");
		if (course.isEmpty()) {
			return "portal/no-case";
		}
		OwnCourse c = course.get();
		Meeting next = c.nextMeeting() == null ? null
				: new Meeting(ReaderDates.dateTime(c.nextMeeting().at(), zone, locale), c.nextMeeting().form(),
						c.nextMeeting().place(), c.nextMeeting().with());
		List<Agreement> agreements = c.agreements()
			.stream()
			.map(a -> new Agreement(a.responsible(), a.what(), a.due() == null ? null : ReaderDates.date(a.due(), locale)))
			.toList();
		model.addAttribute("overview", new OverviewView(c.firstName(), next, c.caseworker(), agreements));
		return "portal/overview";
	}
}
