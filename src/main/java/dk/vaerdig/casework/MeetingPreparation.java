package dk.vaerdig.casework;

import java.util.List;
import java.util.Locale;

/**
 * Other modules bring suggestions to a meeting being prepared (the employment module brings concrete jobs that fit
 * the candidate's competences and wishes) by providing a bean of this type. The dependency points from them to
 * casework.
 */
public interface MeetingPreparation {

	List<Suggestion> suggestions(long candidateId, Locale locale);

	/**
	 * @param heading what is suggested, e.g. the job's title and company
	 * @param why the reasons, already in the reader's language
	 * @param link where to read more and act on it
	 */
	record Suggestion(String heading, String why, String link) {
	}
}
