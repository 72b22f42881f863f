package dk.vaerdig.letters.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dk.vaerdig.casework.TimelineEntry;
import dk.vaerdig.casework.TimelineSource;

/** Letters sent to a candidate appear on the case's timeline. */
@Component
class LetterTimeline implements TimelineSource {

	private final LetterSending sending;

	LetterTimeline(LetterSending sending) {
		this.sending = sending;
	}

	@Override
	public List<TimelineEntry> entries(long candidateId, int limit) {
		return sending.sentTo(candidateId, limit)
			.stream()
			.map(s -> new TimelineEntry(s.sentAt(), s.timelineKey(), s.subject(), s.sentBy()))
			.toList();
	}
}
