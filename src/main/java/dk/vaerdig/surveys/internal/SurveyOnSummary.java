package dk.vaerdig.surveys.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.vaerdig.casework.MeetingSummaryExtension;

/** Puts the evaluation's QR code and link on the candidate's printed meeting summary. */
@Component
class SurveyOnSummary implements MeetingSummaryExtension {

	private final Invitations invitations;

	private final MessageSource messages;

	SurveyOnSummary(Invitations invitations, MessageSource messages) {
		this.invitations = invitations;
		this.messages = messages;
	}

	@Override
	public Optional<Section> forMeeting(long meetingId, Locale locale) {
		return invitations.forMeeting(meetingId).filter(i -> i.usedOn() == null).flatMap(invitations::token).map(token -> {
			String link = invitations.link(token);
			return new Section(messages.getMessage("surveys.summary.heading", null, locale),
					messages.getMessage("surveys.summary.text", null, locale), link, QrCodes.dataUri(link, 200),
					messages.getMessage("surveys.summary.qrAlt", null, locale), "/surveys/kiosks?meeting=" + meetingId,
					messages.getMessage("surveys.summary.kiosk", null, locale));
		});
	}
}
