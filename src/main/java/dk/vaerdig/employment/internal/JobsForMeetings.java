package dk.vaerdig.employment.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.vaerdig.casework.MeetingPreparation;

/** Brings the three best-fitting jobs to every meeting that is prepared, so each meeting has concrete proposals. */
@Component
class JobsForMeetings implements MeetingPreparation {

	private final Profiles profiles;

	private final Openings openings;

	private final MessageSource messages;

	JobsForMeetings(Profiles profiles, Openings openings, MessageSource messages) {
		this.profiles = profiles;
		this.openings = openings;
		this.messages = messages;
	}

	@Override
	public List<Suggestion> suggestions(long candidateId, Locale locale) {
		return openings.forCandidate(profiles.profile(candidateId, ""), locale, 3)
			.stream()
			.map(r -> new Suggestion(r.item().title() + ", " + r.item().companyName(),
					r.score().reasons().stream()
						.map(reason -> messages.getMessage(reason.key(), reason.args().toArray(), locale))
						.collect(Collectors.joining("; ")),
					"/cases/" + candidateId + "/employment"))
			.toList();
	}
}
