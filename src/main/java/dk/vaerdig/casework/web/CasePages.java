package dk.vaerdig.casework.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.internal.Agreements;
import dk.vaerdig.casework.internal.Agreements.Agreement;
import dk.vaerdig.casework.internal.Candidate;
import dk.vaerdig.casework.internal.CaseFiles;
import dk.vaerdig.casework.TimelineEntry;
import dk.vaerdig.casework.internal.CaseStories;
import dk.vaerdig.casework.internal.CaseStories.StoryVersion;
import dk.vaerdig.casework.internal.HandoverService;
import dk.vaerdig.casework.internal.HandoverService.Handover;
import dk.vaerdig.casework.internal.Meeting;
import dk.vaerdig.casework.internal.MeetingService;
import dk.vaerdig.casework.internal.PlanService;
import dk.vaerdig.casework.internal.PlanService.Goal;
import dk.vaerdig.casework.internal.PlanService.Offer;
import dk.vaerdig.casework.internal.TargetGroups;
import dk.vaerdig.casework.internal.Timeliness;

/** Builds the view records of the case page from the module's services. */
@Component
class CasePages {

	private final CaseFiles caseFiles;

	private final CaseStories stories;

	private final Agreements agreements;

	private final MeetingService meetings;

	private final PlanService plan;

	private final HandoverService handovers;

	private final TargetGroups targetGroups;

	private final Timeliness timeliness;

	private final StaffDirectory staff;

	CasePages(CaseFiles caseFiles, CaseStories stories, Agreements agreements, MeetingService meetings,
			PlanService plan, HandoverService handovers, TargetGroups targetGroups, Timeliness timeliness,
			StaffDirectory staff) {
		this.caseFiles = caseFiles;
		this.stories = stories;
		this.agreements = agreements;
		this.meetings = meetings;
		this.plan = plan;
		this.handovers = handovers;
		this.targetGroups = targetGroups;
		this.timeliness = timeliness;
		this.staff = staff;
	}

	record CasePage(Candidate candidate, String targetGroupName, StaffMember caseworker, boolean overdue,
			boolean dueSoon, Optional<Timeliness.ContactRule> rule, Optional<StoryVersion> story, List<Agreement> openAgreements,
			List<Goal> goals, List<Offer> offers, boolean hasOpenOffers, List<Meeting> meetings, Optional<Meeting> nextPlanned,
			Optional<Handover> pendingHandover, List<TimelineEntry> timeline, boolean mine, boolean mayChange) {
	}

	CasePage casePage(Candidate c, Locale locale) {
		long id = c.getId();
		LocalDate due = c.getNextMeetingDue();
		List<Offer> offers = plan.offers(id);
		String me = staff.current().username();
		return new CasePage(c,
				targetGroups.find(c.getTargetGroupCode()).map(g -> g.name(locale)).orElse(c.getTargetGroupCode()),
				staff.find(c.getCaseworker()).orElse(null), timeliness.isOverdue(due), timeliness.isDueSoon(due, 10),
				timeliness.ruleOn(c.getTargetGroupCode(), timeliness.today()),
				stories.current(id), agreements.open(id), plan.goals(id), offers,
				offers.stream().anyMatch(o -> o.status() == PlanService.OfferStatus.PROPOSED), meetings.latest(id, 10),
				meetings.nextPlanned(id), handovers.latest(id).filter(h -> !h.acknowledged()), caseFiles.timeline(id, 50),
				me.equals(c.getCaseworker()), staff.current().mayChangeCasesOfTeam(c.getTeamId()));
	}
}
