package dk.vaerdig.surveys.internal;

import java.sql.Date;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.vaerdig.access.RetentionAction;
import dk.vaerdig.access.RetentionCutoff;
import dk.vaerdig.access.SqlRetentionSource;

/**
 * The answers are anonymous, but a free-text comment may still tell who wrote it: the comment is deleted when its
 * period, counted from the end of the meeting month, has run out. The answer's scores and the themes tagged on the
 * comment stay.
 */
@Component
class CommentRetention extends SqlRetentionSource {

	CommentRetention(JdbcClient jdbc) {
		super(jdbc, "survey-comment", RetentionAction.DELETE, 100, CommentRetention::lastMonth,
				"SELECT count(*), min(meeting_month) FROM survey_answer WHERE comment IS NOT NULL AND meeting_month < ?",
				"""
				UPDATE survey_answer x SET comment = NULL FROM (
				  SELECT id FROM survey_answer WHERE comment IS NOT NULL AND meeting_month < ?
				  ORDER BY meeting_month, id LIMIT ? FOR UPDATE SKIP LOCKED) d
				WHERE x.id = d.id""");
	}

	/** A meeting month has ended before the cutoff if it began on or before the same day a month earlier. */
	private static Date lastMonth(RetentionCutoff cutoff) {
		return Date.valueOf(cutoff.date().minusMonths(1).plusDays(1));
	}
}
