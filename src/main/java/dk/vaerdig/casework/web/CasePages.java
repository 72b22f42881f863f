package dk.vaerdig.casework.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.internal.Agreements.Agreement;
import dk.vaerdig.casework.internal.Candidate;
import dk.vaerdig.casework.internal.CaseFileSections;
import dk.vaerdig.casework.internal.CaseFiles;
import dk.vaerdig.casework.internal.CaseStories.StoryVersion;
import dk.vaerdig.casework.internal.CourseOutcomes;
import dk.vaerdig.casework.internal.HandoverService.Handover;
import dk.vaerdig.casework.internal.Meeting;
import dk.vaerdig.casework.internal.PlanService;
import dk.vaerdig.casework.internal.PlanService.Goal;
import dk.vaerdig.casework.internal.PlanService.Offer;
import dk.vaerdig.casework.internal.TargetGroups;
import dk.vaerdig.casework.internal.Timeliness;

/** Builds the view records of the case page from the module's services. */
@Component
class CasePages {

	private final CaseFiles caseFiles;

	private final CaseFileSections sections;

	private final TargetGroups targetGroups;

	private final Timeliness timeliness;

	private final StaffDirectory staff;

	private final StaffNames names;

	private final MessageSource messages;

	CasePages(CaseFiles caseFiles, CaseFileSections sections, TargetGroups targetGroups, Timeliness timeliness,
			StaffDirectory staff, StaffNames names, MessageSource messages) {
		this.names = names;
		this.messages = messages;
		this.caseFiles = caseFiles;
		this.sections = sections;
		this.targetGroups = targetGroups;
		this.timeliness = timeliness;
		this.staff = staff;
	}

	record CasePage(Candidate candidate, String targetGroupName, StaffMember caseworker, boolean overdue,
			boolean dueSoon, Optional<Timeliness.ContactRule> rule, Optional<StoryVersion> story, List<Agreement> openAgreements,
			List<Goal> goals, List<Offer> offers, boolean hasOpenOffers, List<Meeting> meetings, List<MeetingLine> meetingLines,
			Optional<Meeting> nextPlanned,
			Optional<Handover> pendingHandover, List<StaffNames.TimelineLine> timeline, boolean mine, boolean mayChange,
			String storyAuthor, List<String> wishes, boolean closed, boolean mayCloseOrReopen,
			List<CourseOutcomes.Outcome> outcomes,
			List<CourseOutcomes.Hours> hours, CaseFileSections.Contact contact,
			List<CaseFileSections.CurrentExemption> exemptions) {

		/** The closing that stands while the course is closed. */
		public Optional<CourseOutcomes.Outcome> closing() {
			return closed ? outcomes.stream().filter(o -> o.standing()).findFirst() : Optional.empty();
		}
	}

	/**
	 * A row of the case page's meetings table, its texts made here once per row (the time, the form's and the status's
	 * names in the page's language) instead of a {@code #temporals.format} and two message look-ups per row in the
	 * template.
	 *
	 * @param when the time shown, {@code dd-MM-yyyy HH:mm} (as {@code #temporals.format} gave it)
	 * @param nextStep the next step, or "–"
	 * @param planned whether it can still be recorded (planned); {@code held} whether it has a summary
	 */
	record MeetingLine(long id, String when, String form, String status, String nextStep, boolean planned,
			boolean held) {
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter
		.ofPattern("dd-MM-yyyy HH:mm");

	List<MeetingLine> meetingLines(List<Meeting> meetings, Locale locale) {
		DateTimeFormatter when = WHEN.withLocale(locale).withZone(ZoneId.systemDefault());
		Map<String, String> names = new HashMap<>();
		Function<String, String> message = key -> names.computeIfAbsent(key,
				k -> messages.getMessage(k, null, "??" + k + "_" + locale + "??", locale));
		return meetings.stream()
			.map(m -> new MeetingLine(m.getId(), m.getShownAt() == null ? "" : when.format(m.getShownAt()),
					message.apply("casework.meeting.form." + m.getForm()),
					message.apply("casework.meeting.status." + m.getStatus()),
					m.getNextStep() == null ? "–" : m.getNextStep(), m.getStatus() == Meeting.Status.PLANNED,
					m.getStatus() == Meeting.Status.HELD))
			.toList();
	}

	/**
	 * The case page of a case opened by {@link CaseFiles#view} (access checked, read logged): the case file's own
	 * sections in one statement ({@link CaseFileSections}), other modules' timeline entries from their sources.
	 */
	CasePage casePage(Candidate c, Locale locale) {
		long id = c.getId();
		LocalDate due = c.getNextMeetingDue();
		CaseFileSections.Sections s = sections.read(id, 10, 50);
		StaffMember me = staff.currentStaff();
		Optional<StoryVersion> story = s.story();
		List<Offer> offers = s.offers();
		boolean mayChangeTeam = me.mayChangeCasesOfTeam(c.getTeamId());
		return new CasePage(c,
				targetGroups.find(c.getTargetGroupCode()).map(g -> g.name(locale)).orElse(c.getTargetGroupCode()),
				staff.find(c.getCaseworker()).orElse(null), timeliness.isOverdue(due), timeliness.isDueSoon(due, 10),
				timeliness.ruleOn(c.getTargetGroupCode(), timeliness.today()),
				story, s.openAgreements(), s.goals(), offers,
				offers.stream().anyMatch(o -> o.status() == PlanService.OfferStatus.PROPOSED), s.latestMeetings(),
				meetingLines(s.latestMeetings(), locale),
				s.nextPlanned(), s.latestHandover().filter(h -> !h.acknowledged()),
				names.timeline(caseFiles.timeline(id, 50, s.timeline()), locale), me.username().equals(c.getCaseworker()),
				!c.isCourseClosed() && mayChangeTeam,
				story.map(v -> names.nameAndRole(v.writtenBy(), locale)).orElse(null), wishes(s.latestMeetings()),
				c.isCourseClosed(), mayChangeTeam, s.outcomes(), s.hours(), s.contact(), s.exemptions());
	}

	/** The candidate's wishes from the latest meetings, newest first, each said once however often it was recorded. */
	static List<String> wishes(List<Meeting> meetings) {
		Map<String, String> distinct = new LinkedHashMap<>();
		for (Meeting m : meetings) {
			if (m.getCandidateWishes() != null && !m.getCandidateWishes().isBlank()) {
				String wish = m.getCandidateWishes().strip();
				distinct.putIfAbsent(wish.toLowerCase(Locale.ROOT).replaceAll("[\\s.]+", " ").strip(), wish);
			}
		}
		return List.copyOf(distinct.values());
	}
}
