package dk.vaerdig.casework;

import java.util.Locale;
import java.util.Optional;

/**
 * Other modules add a section to the candidate's printed meeting summary (the survey module adds the QR code and link
 * to the evaluation) by providing a bean of this type. The dependency points from them to casework.
 */
public interface MeetingSummaryExtension {

	Optional<Section> forMeeting(long meetingId, Locale locale);

	/**
	 * @param heading the section's heading, already in the reader's language
	 * @param text the text under it
	 * @param link an address the candidate can type, or null
	 * @param imageDataUri a picture as a data: URI (e.g. a QR code), or null
	 * @param imageAlt the picture's text alternative
	 * @param staffAction a page for staff to continue from (not printed), or null
	 * @param staffActionLabel the link text of {@code staffAction}
	 */
	record Section(String heading, String text, String link, String imageDataUri, String imageAlt, String staffAction,
			String staffActionLabel) {
	}
}
