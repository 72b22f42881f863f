package dk.vaerdig.casework.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.casework.MeetingSummaryExtension;
import dk.vaerdig.casework.internal.AgendaItems;
import dk.vaerdig.casework.internal.Agreements;
import dk.vaerdig.casework.internal.Agreements.Agreement;
import dk.vaerdig.casework.internal.Candidate;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.Meeting;
import dk.vaerdig.casework.internal.MeetingService;

/** The meeting summary the candidate takes home: plain Danish, addressed as du, printable. */
@Component
class MeetingSummaries {

	private final CaseAccess access;

	private final Agreements agreements;

	private final MeetingService meetings;

	private final StaffDirectory staff;

	private final List<MeetingSummaryExtension> extensions;

	private final AgendaItems items;

	MeetingSummaries(AgendaItems items, CaseAccess access, Agreements agreements, MeetingService meetings, StaffDirectory staff,
			List<MeetingSummaryExtension> extensions) {
		this.items = items;
		this.extensions = extensions;
		this.access = access;
		this.agreements = agreements;
		this.meetings = meetings;
		this.staff = staff;
	}

	record Summary(Candidate candidate, Meeting meeting, StaffMember caseworker, List<Agreement> agreements,
			List<Agreement> stillOpen, Optional<Meeting> nextMeeting, List<MeetingSummaryExtension.Section> sections,
			List<AgendaItems.Item> yourItems) {
	}

	Summary summary(long candidateId, Meeting meeting, Locale locale) {
		Candidate candidate = access.open(candidateId);
		List<Agreement> made = agreements.ofMeeting(meeting.getId());
		List<Agreement> open = agreements.open(candidateId)
			.stream()
			.filter(a -> a.meetingId() == null || a.meetingId() != meeting.getId().longValue())
			.toList();
		List<MeetingSummaryExtension.Section> sections = extensions.stream()
			.flatMap(e -> e.forMeeting(meeting.getId(), locale).stream())
			.toList();
		return new Summary(candidate, meeting, staff.find(meeting.getCaseworker()).orElse(null), made, open,
				meetings.nextPlanned(candidateId), sections, items.ofMeeting(meeting.getId()));
	}
}
