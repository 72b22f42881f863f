package dk.vaerdig.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dk.vaerdig.access.OwnAccessLog;
import dk.vaerdig.casework.ContactPreference;
import dk.vaerdig.casework.OwnActivity;
import dk.vaerdig.casework.OwnCaseFile;
import dk.vaerdig.casework.OwnContact;
import dk.vaerdig.complaints.OwnComplaints;
import dk.vaerdig.letters.OwnLetters;
import dk.vaerdig.portal.PortalSettings;

/**
 * The candidate's copy of everything Værdig holds about them (GDPR art. 15), as one record that becomes the JSON file
 * and the PDF: the details, the case story with every version, the plan, every meeting summary, the open and closed
 * agreements with the meetings, the staff notes that are not internal working notes, every letter, every complaint,
 * how they want to be contacted, every message of their thread with the job centre, what they did themselves on Min
 * side (bookings, choices between offers, their own items for meetings, agreements marked done), the SMS and e-mails
 * sent to them (the reminders among them), and the whole access log (their own reads included). Left out, and said so in the README: internal working notes
 * (forvaltningsloven § 23), the names of employees unless the municipality's policy names them, the survey answers
 * (anonymous, not linked to the candidate), and the job centre's own learning from complaints (themes, categories).
 */
@Component
class MyDataCopy {

	/** The copy. {@code employeeNamesShown}: whether the access log names the employees (the municipality's policy). */
	record MyData(Instant madeAt, OwnCaseFile.Details details, List<OwnCaseFile.StoryVersion> story,
			OwnCaseFile.Plan plan, List<OwnCaseFile.MeetingSummary> meetings, List<OwnCaseFile.Note> notes,
			List<OwnLetters.OwnLetter> letters, List<OwnComplaints.OwnComplaint> complaints, boolean employeeNamesShown,
			List<OwnAccessLog.Access> accessLog, ContactPreference contactPreference,
			List<OwnContact.OwnMessage> messages, List<OwnActivity.Booking> bookings,
			List<OwnActivity.OfferChoice> offerChoices, List<OwnActivity.OwnItem> ownItems,
			List<OwnActivity.DoneAgreement> agreementsDone, List<OwnActivity.SentMessage> sentToYou) {
	}

	private final OwnCaseFile caseFile;

	private final OwnLetters letters;

	private final OwnComplaints complaints;

	private final OwnAccessLog accessLog;

	private final PortalSettings settings;

	private final Clock clock;

	private final OwnContact contact;

	private final OwnActivity activity;

	MyDataCopy(OwnCaseFile caseFile, OwnLetters letters, OwnComplaints complaints, OwnAccessLog accessLog,
			PortalSettings settings, Clock clock, OwnContact contact, OwnActivity activity) {
		this.contact = contact;
		this.activity = activity;
		this.caseFile = caseFile;
		this.letters = letters;
		this.complaints = complaints;
		this.accessLog = accessLog;
		this.settings = settings;
		this.clock = clock;
	}

	/** Everything about the signed-in candidate, the access log with or without employees' names per the setting. */
	MyData mine() {
		boolean names = settings.showEmployeeNames();
		List<OwnAccessLog.Access> log = accessLog.entries(true, Integer.MAX_VALUE)
			.stream()
			.map(a -> names ? a : new OwnAccessLog.Access(a.at(), a.who(), a.team(), a.department(), null, a.action(),
					a.purpose()))
			.toList();
		return new MyData(clock.instant(), caseFile.details(), caseFile.story(), caseFile.plan(), caseFile.meetings(),
				caseFile.notes(), letters.list(), complaints.list(), names, log, contact.preference(),
				contact.threadForCopy(), activity.bookings(), activity.offerChoices(), activity.items(),
				activity.agreementsDone(), activity.sentToYou());
	}
}
