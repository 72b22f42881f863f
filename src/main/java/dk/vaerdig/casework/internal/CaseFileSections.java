package dk.vaerdig.casework.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import dk.vaerdig.casework.TimelineEntry;
import dk.vaerdig.casework.internal.Agreements.Agreement;
import dk.vaerdig.casework.internal.CaseStories.StoryVersion;
import dk.vaerdig.casework.internal.CourseOutcomes.Hours;
import dk.vaerdig.casework.internal.CourseOutcomes.Outcome;
import dk.vaerdig.casework.internal.HandoverService.Handover;
import dk.vaerdig.casework.internal.PlanService.Goal;
import dk.vaerdig.casework.internal.PlanService.Offer;
import dk.vaerdig.platform.PlatformSettings;

/**
 * Every section of the case page the case file itself holds, read in one statement: the plan's goals and offers, the
 * current story, the latest meetings and the next planned one, the open agreements, the latest handover, the closings
 * and ordinary hours, and the case file's own timeline entries. Each section is a JSON array (or object) built by
 * PostgreSQL with the same columns, order and limits as the services' own queries ({@link PlanService},
 * {@link CaseStories}, {@link MeetingService}, {@link Agreements}, {@link HandoverService}, {@link CourseOutcomes},
 * {@link CaseFiles#timeline}), and read into the same records. Reading is not logged here: the caller opened the case
 * through {@link CaseFiles#view}, which checks access and writes the audit entry first.
 */
@Component
public class CaseFileSections {

	/** The sections of one case page. */
	public record Sections(List<Offer> offers, Optional<StoryVersion> story, List<Meeting> latestMeetings,
			Optional<Meeting> nextPlanned, List<Agreement> openAgreements, List<Goal> goals,
			Optional<Handover> latestHandover, List<Outcome> outcomes, List<Hours> hours, List<TimelineEntry> timeline,
			Contact contact, List<CurrentExemption> exemptions) {
	}

	/**
	 * How the candidate wants to be contacted (the defaults when they have not said: version 0) and how many of
	 * their messages no member of staff has read.
	 */
	public record Contact(String channel, String language, String interpreterLanguage, boolean easyRead, int version,
			int unread) {

		public boolean said() {
			return version > 0;
		}
	}

	/** An exemption of the register in force today: what it exempts from, and its last day (an ending counted). */
	public record CurrentExemption(Exemptions.Kind kind, LocalDate startsOn, LocalDate lastDay) {
	}

	static final String SQL = """
			SELECT json_build_object(
			  'offers', (SELECT coalesce(json_agg(o ORDER BY o.proposed_at DESC, o.id DESC), '[]')
			             FROM (SELECT id, kind, title, description, status, proposed_by, proposed_at, decided_at, reason,
			                          decided_by, changed_by, changed_at, change_reason, version
			                   FROM offer WHERE candidate_id = :id) o),
			  'story', (SELECT row_to_json(s) FROM (SELECT * FROM case_story WHERE candidate_id = :id
			                                        ORDER BY version DESC LIMIT 1) s),
			  'meetings', (SELECT coalesce(json_agg(m ORDER BY coalesce(m.held_at, m.planned_at) DESC, m.id DESC), '[]')
			               FROM (SELECT * FROM meeting WHERE candidate_id = :id
			                     ORDER BY coalesce(held_at, planned_at) DESC, id DESC LIMIT :meetings) m),
			  'next', (SELECT row_to_json(m) FROM (SELECT * FROM meeting WHERE candidate_id = :id AND status = 'PLANNED'
			                                       ORDER BY planned_at LIMIT 1) m),
			  'agreements', (SELECT coalesce(json_agg(a ORDER BY a.due_date NULLS LAST, a.id), '[]')
			                 FROM (SELECT * FROM agreement WHERE candidate_id = :id AND status = 'OPEN') a),
			  'goals', (SELECT coalesce(json_agg(g ORDER BY g.id), '[]')
			            FROM (SELECT id, text, created_by, created_at FROM plan_goal WHERE candidate_id = :id) g),
			  'handover', (SELECT row_to_json(h) FROM (SELECT * FROM handover WHERE candidate_id = :id
			                                           ORDER BY created_at DESC LIMIT 1) h),
			  'outcomes', (SELECT coalesce(json_agg(c ORDER BY c.closed_at DESC, c.id DESC), '[]')
			               FROM (SELECT id, course_started, closed_on, outcome, weekly_hours, closed_by, closed_at,
			                            reopen_kind, reopened_on, reopen_reason, reopened_by, reopened_at,
			                            back_within_3_months AS back_within3_months,
			                            back_within_12_months AS back_within12_months
			                     FROM course_outcome WHERE candidate_id = :id) c),
			  'hours', (SELECT coalesce(json_agg(w ORDER BY w.from_date DESC), '[]')
			            FROM (SELECT id, from_date, weekly_hours, recorded_by, recorded_at
			                  FROM ordinary_hours WHERE candidate_id = :id) w),
			  'contact', (SELECT json_build_object('channel', coalesce(p.channel, 'SMS'),
			                     'language', coalesce(p.language, 'da'), 'interpreter_language', p.interpreter_language,
			                     'easy_read', coalesce(p.easy_read, FALSE), 'version', coalesce(p.version, 0),
			                     'unread', (SELECT count(*) FROM case_message
			                                WHERE candidate_id = :id AND from_candidate AND read_at IS NULL))
			              FROM (SELECT 1) one LEFT JOIN contact_preference p ON p.candidate_id = :id),
			  'exemptions', (SELECT coalesce(json_agg(x ORDER BY x.starts_on, x.id), '[]')
			                 FROM (SELECT id, kind, starts_on,
			                              CASE WHEN ended_on < ends_on THEN ended_on ELSE ends_on END AS last_day
			                       FROM reform_exemption WHERE candidate_id = :id AND starts_on <= :today) x
			                 WHERE x.last_day >= :today),
			  'timeline', (SELECT coalesce(json_agg(t ORDER BY t.at DESC), '[]') FROM (
			    SELECT * FROM (""" + CaseFiles.OWN_TIMELINE + """
			    ) e ORDER BY at DESC LIMIT :timeline) t)
			)::text""";

	private static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.CREATOR, Visibility.ANY))
		.build();

	/**
	 * The statement's JSON as it comes, read in one pass straight into the records (not into a tree first and each
	 * section and timeline time converted from it after: that was most of the case page's own work in a profile).
	 */
	private record Page(List<Offer> offers, StoryVersion story, List<Meeting> meetings, Meeting next,
			List<Agreement> agreements, List<Goal> goals, Handover handover, List<Outcome> outcomes, List<Hours> hours,
			List<Line> timeline, Contact contact, List<CurrentExemption> exemptions) {
	}

	/** A timeline row of {@link CaseFiles#OWN_TIMELINE}. */
	private record Line(Instant at, String kind, String text, String actor) {
	}

	private static final ObjectReader PAGE = JSON.readerFor(Page.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	CaseFileSections(JdbcClient jdbc, Clock clock, PlatformSettings platform) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = platform.zone();
	}

	/** The sections of the candidate's case, with at most {@code meetings} meetings and {@code timeline} entries. */
	public Sections read(long candidateId, int meetings, int timeline) {
		String json = jdbc.sql(SQL)
			.param("id", candidateId)
			.param("meetings", meetings)
			.param("timeline", timeline)
			.param("today", Date.valueOf(LocalDate.now(clock.withZone(zone))))
			.param("zone", zone.getId())
			.query(String.class)
			.single();
		Page page = PAGE.readValue(json);
		return new Sections(list(page.offers()), Optional.ofNullable(page.story()), list(page.meetings()),
				Optional.ofNullable(page.next()), list(page.agreements()), list(page.goals()),
				Optional.ofNullable(page.handover()), list(page.outcomes()), list(page.hours()),
				list(page.timeline()).stream()
					.map(l -> new TimelineEntry(l.at(), "casework.timeline." + l.kind(), l.text(), l.actor()))
					.toList(),
				page.contact(), list(page.exemptions()));
	}

	private static <T> List<T> list(List<T> section) {
		return section == null ? List.of() : section;
	}
}
